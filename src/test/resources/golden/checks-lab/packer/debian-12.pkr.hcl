# Packer template for image debian-12 (debian 12), written by labforge.
#   packer init debian-12.pkr.hcl && packer build debian-12.pkr.hcl
# Source qemu.debian-12-vagrant builds the Vagrant box (with Vagrant's insecure key), qemu.debian-12 the plain image; build one with -only=debian-12.qemu.debian-12-vagrant.
# Packer logs in as lab (variable ssh_username): pass -var ssh_private_key_file=PATH or -var ssh_password=PASSWORD.

packer {
  required_version = ">= 1.7.0"
  required_plugins {
    qemu = {
      source  = "github.com/hashicorp/qemu"
      version = ">= 1.1.0"
    }
    vagrant = {
      source  = "github.com/hashicorp/vagrant"
      version = ">= 1.1.0"
    }
  }
}

variable "iso_url" {
  type        = string
  default     = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2"
  description = "Cloud image (qcow2) the build starts from."
}

variable "iso_checksum" {
  type        = string
  default     = "none"
  description = "Checksum of iso_url: none, TYPE:HEX, or file:URL of a checksum list (packer validate downloads that list; -var iso_checksum=none validates offline)."
}

variable "cpus" {
  type        = number
  default     = 2
  description = "Virtual CPUs of the build VM."
}

variable "memory" {
  type        = number
  default     = 2048
  description = "Memory of the build VM, in MiB."
}

variable "disk_size" {
  type        = number
  default     = 10240
  description = "Disk size in MiB (the largest root disk of the machines using this image)."
}

variable "headless" {
  type        = bool
  default     = true
  description = "Run the build VM without a console window."
}

variable "accelerator" {
  type        = string
  default     = "kvm"
  description = "QEMU accelerator: kvm, or tcg where there is no KVM (much slower)."
}

variable "qemuargs" {
  type        = list(list(string))
  default     = []
  description = "Extra QEMU arguments, e.g. to replace the build VM's network backend; empty keeps Packer's defaults."
}

variable "output_directory" {
  type        = string
  default     = "output/debian-12"
  description = "Folder for the built images, the manifest and the checksums (relative to where packer runs)."
}

variable "ssh_username" {
  type        = string
  default     = "lab"
  description = "User Packer logs in as; the seed or installer creates it with passwordless sudo."
}

variable "ssh_password" {
  type        = string
  default     = null
  description = "Password of ssh_username, if it has one."
  sensitive   = true
}

variable "ssh_private_key_file" {
  type        = string
  default     = null
  description = "Private key matching one of ssh_username's authorized keys."
  sensitive   = true
}

variable "ssh_timeout" {
  type        = string
  default     = "30m"
  description = "How long to wait for SSH to come up."
}

source "qemu" "debian-12" {
  iso_url        = var.iso_url
  iso_checksum   = var.iso_checksum
  cpus           = var.cpus
  memory         = var.memory
  disk_size      = var.disk_size
  headless       = var.headless
  accelerator    = var.accelerator
  qemuargs       = var.qemuargs
  format         = "qcow2"
  disk_interface = "virtio"
  net_device     = "virtio-net"
  vm_name        = "debian-12.qcow2"
  disk_image     = true
  cd_files = [
    "${path.root}/debian-12/seed/meta-data",
    "${path.root}/debian-12/seed/user-data",
  ]
  cd_label             = "cidata"
  ssh_username         = var.ssh_username
  ssh_password         = var.ssh_password
  ssh_private_key_file = var.ssh_private_key_file
  ssh_timeout          = var.ssh_timeout
  shutdown_command     = "sudo shutdown -P now"
  output_directory     = "${var.output_directory}/qemu"
}

source "qemu" "debian-12-vagrant" {
  iso_url        = var.iso_url
  iso_checksum   = var.iso_checksum
  cpus           = var.cpus
  memory         = var.memory
  disk_size      = var.disk_size
  headless       = var.headless
  accelerator    = var.accelerator
  qemuargs       = var.qemuargs
  format         = "qcow2"
  disk_interface = "virtio"
  net_device     = "virtio-net"
  vm_name        = "debian-12.qcow2"
  disk_image     = true
  cd_files = [
    "${path.root}/debian-12/seed/meta-data",
    "${path.root}/debian-12/seed/user-data",
  ]
  cd_label             = "cidata"
  ssh_username         = var.ssh_username
  ssh_password         = var.ssh_password
  ssh_private_key_file = var.ssh_private_key_file
  ssh_timeout          = var.ssh_timeout
  shutdown_command     = "sudo shutdown -P now"
  output_directory     = "${var.output_directory}/vagrant"
}

build {
  name = "debian-12"
  sources = [
    "source.qemu.debian-12",
    "source.qemu.debian-12-vagrant",
  ]

  # Packages, then the image's commands, as root.
  provisioner "shell" {
    script          = "${path.root}/debian-12/provision/commands.sh"
    execute_command = "chmod +x {{ .Path }}; if [ \"$(id -u)\" = 0 ]; then {{ .Vars }} {{ .Path }}; else sudo -E env {{ .Vars }} {{ .Path }}; fi"
  }

  # Only the Vagrant box: Vagrant's user with its insecure key and passwordless sudo, DHCP on the first NIC (eth0).
  provisioner "shell" {
    only            = ["qemu.debian-12-vagrant"]
    execute_command = "chmod +x {{ .Path }}; if [ \"$(id -u)\" = 0 ]; then {{ .Vars }} {{ .Path }}; else sudo -E env {{ .Vars }} {{ .Path }}; fi"
    inline = [
      "id -u vagrant >/dev/null 2>&1 || useradd --create-home --shell /bin/bash vagrant",
      "install -d -m 0700 -o vagrant -g vagrant /home/vagrant/.ssh",
      "printf '%s\\n' 'ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzIw+niNltGEFHzD8+v1I2YJ6oXevct1YeS0o9HZyN1Q9qgCgzUFtdOKLv6IedplqoPkcmF0aYet2PkEDo3MlTBckFXPITAMzF8dJSIFo9D8HfdOV0IAdx4O7PtixWKn5y2hMNG0zQPyUecp4pzC6kivAIhyfHilFR61RGL+GPXQ2MWZWFYbAGjyiYJnAmCP3NOTd0jMZEnDkbUvxhMmBYSdETk1rRgm+R4LOzFUGaHqHDLKLX+FIPKcF96hrucXzcWyLbIbEgE98OHlnVYCzRdK8jlqm8tehUc9c9WhQ== vagrant insecure public key' > /home/vagrant/.ssh/authorized_keys",
      "chown vagrant:vagrant /home/vagrant/.ssh/authorized_keys && chmod 0600 /home/vagrant/.ssh/authorized_keys",
      "printf '%s\\n' 'vagrant ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/vagrant && chmod 0440 /etc/sudoers.d/vagrant",
      "rm -f /etc/network/interfaces.d/50-cloud-init /etc/netplan/50-cloud-init.yaml",
      "if [ -d /etc/netplan ]; then printf 'network:\\n  version: 2\\n  ethernets:\\n    eth0:\\n      dhcp4: true\\n' > /etc/netplan/01-vagrant.yaml && chmod 0600 /etc/netplan/01-vagrant.yaml; elif [ -d /etc/network/interfaces.d ]; then printf 'allow-hotplug eth0\\niface eth0 inet dhcp\\n' > /etc/network/interfaces.d/vagrant-eth0; elif [ -d /etc/NetworkManager/system-connections ]; then printf '[connection]\\nid=vagrant-eth0\\ntype=ethernet\\ninterface-name=eth0\\n[ipv4]\\nmethod=auto\\n' > /etc/NetworkManager/system-connections/vagrant-eth0.nmconnection && chmod 0600 /etc/NetworkManager/system-connections/vagrant-eth0.nmconnection; fi",
      "if [ -f /etc/dhcp/dhclient.conf ]; then printf 'timeout 300;\\n' >> /etc/dhcp/dhclient.conf; fi",
      "if [ -d /etc/default/grub.d ] && command -v update-grub >/dev/null 2>&1; then printf 'GRUB_CMDLINE_LINUX=\"$GRUB_CMDLINE_LINUX net.ifnames=0 biosdevname=0\"\\n' > /etc/default/grub.d/90-vagrant.cfg && update-grub; elif command -v grubby >/dev/null 2>&1; then grubby --update-kernel=ALL --args='net.ifnames=0 biosdevname=0'; fi",
    ]
  }

  # Leave cloud-init ready to run again on the image's first boot, with a fresh machine-id.
  provisioner "shell" {
    execute_command = "chmod +x {{ .Path }}; if [ \"$(id -u)\" = 0 ]; then {{ .Vars }} {{ .Path }}; else sudo -E env {{ .Vars }} {{ .Path }}; fi"
    inline = [
      "if command -v cloud-init >/dev/null 2>&1; then cloud-init clean --logs; fi",
      "if [ -s /etc/machine-id ]; then truncate -s 0 /etc/machine-id; fi",
    ]
  }

  # What was built, in output_directory/manifest.json.
  post-processor "manifest" {
    output     = "${var.output_directory}/manifest.json"
    strip_path = true
  }

  post-processor "checksum" {
    checksum_types = ["sha256"]
    output         = "${var.output_directory}/{{ .BuildName }}_{{ .BuilderType }}.{{ .ChecksumType }}"
  }

  # The Vagrant box, for the libvirt provider (the box source only).
  post-processor "vagrant" {
    only                = ["qemu.debian-12-vagrant"]
    provider_override   = "libvirt"
    keep_input_artifact = true
    output              = "${var.output_directory}/debian-12-libvirt.box"
  }
}
