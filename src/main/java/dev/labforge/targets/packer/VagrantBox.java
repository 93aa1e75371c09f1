package dev.labforge.targets.packer;

import java.util.List;

/**
 * The Vagrant box of a qemu image. It is built from its own qemu source ({@code <image>-vagrant}),
 * so that only the box, never the plain qcow2 (which may go to OpenStack or libvirt), carries
 * Vagrant's publicly known insecure key.
 *
 * <p>What a base box needs for {@code vagrant up} and {@code vagrant ssh} (measured with
 * vagrant-libvirt 0.11.2, see docs/targets/vagrant.md): the {@code vagrant} user with Vagrant's
 * insecure public key and passwordless sudo, and DHCP on the first NIC (vagrant-libvirt waits for a
 * lease on its management network; without a cloud-init seed nothing else configures that NIC). The
 * first NIC is {@code eth0}: {@code net.ifnames=0} goes on the kernel command line through GRUB when
 * the image has it; dhclient waits up to 300 s for that lease. The build VM's own network
 * configuration, which cloud-init wrote for a NIC the box will not have, is removed.
 */
final class VagrantBox {
  /** {@code keys/vagrant.pub} of Vagrant (2.3.4 here); Vagrant replaces it on the first {@code up}. */
  static final String INSECURE_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzIw+n"
      + "iNltGEFHzD8+v1I2YJ6oXevct1YeS0o9HZyN1Q9qgCgzUFtdOKLv6IedplqoPkcmF0aYet2PkEDo3MlTBckFXPITAMzF8dJSIFo9D8HfdOV0IAdx4O7"
      + "PtixWKn5y2hMNG0zQPyUecp4pzC6kivAIhyfHilFR61RGL+GPXQ2MWZWFYbAGjyiYJnAmCP3NOTd0jMZEnDkbUvxhMmBYSdETk1rRgm+R4LOzFUGaH"
      + "qHDLKLX+FIPKcF96hrucXzcWyLbIbEgE98OHlnVYCzRdK8jlqm8tehUc9c9WhQ== vagrant insecure public key";

  private VagrantBox() {}

  /** The box's qemu source name. */
  static String source(String image) {
    return image + "-vagrant";
  }

  /** The provisioner's inline lines, run as root. */
  static List<String> script() {
    return List.of(
        "id -u vagrant >/dev/null 2>&1 || useradd --create-home --shell /bin/bash vagrant",
        "install -d -m 0700 -o vagrant -g vagrant /home/vagrant/.ssh",
        "printf '%s\\n' '" + INSECURE_KEY + "' > /home/vagrant/.ssh/authorized_keys",
        "chown vagrant:vagrant /home/vagrant/.ssh/authorized_keys && chmod 0600 /home/vagrant/.ssh/authorized_keys",
        "printf '%s\\n' 'vagrant ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/vagrant && chmod 0440 /etc/sudoers.d/vagrant",
        "rm -f /etc/network/interfaces.d/50-cloud-init /etc/netplan/50-cloud-init.yaml",
        "if [ -d /etc/netplan ]; then printf 'network:\\n  version: 2\\n  ethernets:\\n    eth0:\\n      dhcp4: true\\n'"
            + " > /etc/netplan/01-vagrant.yaml && chmod 0600 /etc/netplan/01-vagrant.yaml;"
            + " elif [ -d /etc/network/interfaces.d ]; then printf 'allow-hotplug eth0\\niface eth0 inet dhcp\\n'"
            + " > /etc/network/interfaces.d/vagrant-eth0;"
            + " elif [ -d /etc/NetworkManager/system-connections ]; then"
            + " printf '[connection]\\nid=vagrant-eth0\\ntype=ethernet\\ninterface-name=eth0\\n[ipv4]\\nmethod=auto\\n'"
            + " > /etc/NetworkManager/system-connections/vagrant-eth0.nmconnection"
            + " && chmod 0600 /etc/NetworkManager/system-connections/vagrant-eth0.nmconnection; fi",
        // dhclient -1 (ifupdown) gives up after 60 s, and nothing retries: on a slow (TCG) host the
        // first lease can take longer.
        "if [ -f /etc/dhcp/dhclient.conf ]; then printf 'timeout 300;\\n' >> /etc/dhcp/dhclient.conf; fi",
        "if [ -d /etc/default/grub.d ] && command -v update-grub >/dev/null 2>&1; then"
            + " printf 'GRUB_CMDLINE_LINUX=\"$GRUB_CMDLINE_LINUX net.ifnames=0 biosdevname=0\"\\n'"
            + " > /etc/default/grub.d/90-vagrant.cfg && update-grub;"
            + " elif command -v grubby >/dev/null 2>&1; then grubby --update-kernel=ALL --args='net.ifnames=0 biosdevname=0'; fi");
  }
}
