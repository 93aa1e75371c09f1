package dev.labforge.targets.packer;

import dev.labforge.model.Image;
import java.util.List;

/**
 * What differs between the supported OS families: package commands, the guest type names of
 * VirtualBox and VMware, the LXD image, and how its installer ISO is driven unattended.
 */
final class Distro {
  /** How an installer ISO is answered: Debian preseed, Ubuntu autoinstall, or a RHEL-family kickstart. */
  enum Installer { PRESEED, AUTOINSTALL, KICKSTART }

  private final Image image;

  Distro(Image image) {
    this.image = image;
  }

  /** Shell lines that install the packages, empty when there are none. */
  List<String> installPackages() {
    if (image.packages().isEmpty()) {
      return List.of();
    }
    String names = String.join(" ", image.packages());
    if (image.packageManager().equals("apt")) {
      return List.of("apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install -y " + names);
    }
    return List.of("dnf install -y " + names);
  }

  String virtualboxGuestType() {
    return switch (image.os()) {
      case "debian" -> "Debian_64";
      case "ubuntu" -> "Ubuntu_64";
      case "fedora" -> "Fedora_64";
      default -> "RedHat_64";
    };
  }

  /** VMware's guestOS ids; releases newer than the ids VMware knows get the newest one. */
  String vmwareGuestType() {
    int major = major();
    return switch (image.os()) {
      case "debian" -> "debian" + Math.max(10, Math.min(major, 12)) + "-64";
      case "ubuntu" -> "ubuntu-64";
      case "fedora" -> "fedora-64";
      default -> "rhel" + Math.max(8, Math.min(major, 9)) + "-64";
    };
  }

  /** The linuxcontainers.org image with cloud-init in it, so containers read NoCloud seeds too. */
  String lxdImage() {
    String distro = switch (image.os()) {
      case "rocky" -> "rockylinux";
      default -> image.os();
    };
    String release = image.os().equals("rocky") || image.os().equals("almalinux") ? String.valueOf(major())
        : image.release();
    return "images:" + distro + "/" + release + "/cloud";
  }

  Installer installer() {
    return switch (image.os()) {
      case "debian" -> Installer.PRESEED;
      case "ubuntu" -> Installer.AUTOINSTALL;
      default -> Installer.KICKSTART;
    };
  }

  /** Keys typed at the installer's boot menu; {@code {{ .HTTPIP }}} is Packer's own template syntax. */
  List<String> bootCommand() {
    String http = "http://{{ .HTTPIP }}:{{ .HTTPPort }}/";
    return switch (installer()) {
      case PRESEED -> List.of("<esc><wait>", "auto preseed/url=" + http + "preseed.cfg netcfg/get_hostname="
          + image.name() + " netcfg/get_domain=localdomain debconf/frontend=noninteractive<enter>");
      case AUTOINSTALL -> List.of("c<wait>", "linux /casper/vmlinuz --- autoinstall 'ds=nocloud;s=" + http
          + "'<enter><wait>", "initrd /casper/initrd<enter><wait>", "boot<enter>");
      case KICKSTART -> image.os().equals("fedora")
          ? List.of("e<wait>", "<down><down><end> inst.text inst.ks=" + http + "ks.cfg<leftCtrlOn>x<leftCtrlOff>")
          : List.of("<tab><wait>", " inst.text inst.ks=" + http + "ks.cfg<enter>");
    };
  }

  private int major() {
    String digits = image.release().replaceAll("[^0-9].*$", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits);
  }
}
