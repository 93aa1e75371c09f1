# Packer template for image ubuntu-24-04-iso (ubuntu 24.04), written by labforge.
#   packer init ubuntu-24-04-iso.pkr.hcl && packer build ubuntu-24-04-iso.pkr.hcl
# Packer logs in as ops (variable ssh_username): pass -var ssh_private_key_file=PATH.

packer {
  required_version = ">= 1.7.0"
  required_plugins {
    qemu = {
      source  = "github.com/hashicorp/qemu"
      version = ">= 1.1.0"
    }
    lxd = {
      source  = "github.com/hashicorp/lxd"
      version = ">= 1.0.0"
    }
    virtualbox = {
      source  = "github.com/hashicorp/virtualbox"
      version = ">= 1.1.0"
    }
    vmware = {
      source  = "github.com/hashicorp/vmware"
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
  default     = "https://releases.ubuntu.com/24.04/ubuntu-24.04.1-live-server-amd64.iso"
  description = "Installer ISO the build boots."
}

variable "iso_checksum" {
  type        = string
  default     = "file:https://releases.ubuntu.com/24.04/SHA256SUMS"
  description = "Checksum of iso_url: none, TYPE:HEX, or file:URL of a checksum list (packer validate downloads that list; -var iso_checksum=none validates offline)."
}

variable "boot_wait" {
  type        = string
  default     = "5s"
  description = "Wait before typing the boot command."
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
  default     = 25600
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
  default     = "output/ubuntu-24-04-iso"
  description = "Folder for the built images, the manifest and the checksums (relative to where packer runs)."
}

variable "ssh_username" {
  type        = string
  default     = "ops"
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

variable "lxd_image" {
  type        = string
  default     = "images:ubuntu/24.04/cloud"
  description = "LXD image the container starts from (a /cloud variant carries cloud-init)."
}

variable "lxd_output_image" {
  type        = string
  default     = "ubuntu-24-04-iso"
  description = "Alias of the image LXD publishes."
}

source "qemu" "ubuntu-24-04-iso" {
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
  vm_name        = "ubuntu-24-04-iso.qcow2"
  http_directory = "${path.root}/ubuntu-24-04-iso/http"
  boot_wait      = var.boot_wait
  boot_command = [
    "c<wait>",
    "linux /casper/vmlinuz --- autoinstall 'ds=nocloud;s=http://{{ .HTTPIP }}:{{ .HTTPPort }}/'<enter><wait>",
    "initrd /casper/initrd<enter><wait>",
    "boot<enter>",
  ]
  ssh_username         = var.ssh_username
  ssh_password         = var.ssh_password
  ssh_private_key_file = var.ssh_private_key_file
  ssh_timeout          = var.ssh_timeout
  shutdown_command     = "sudo shutdown -P now"
  output_directory     = "${var.output_directory}/qemu"
}

source "lxd" "ubuntu-24-04-iso" {
  image          = var.lxd_image
  output_image   = var.lxd_output_image
  container_name = "packer-ubuntu-24-04-iso"
}

source "virtualbox-iso" "ubuntu-24-04-iso" {
  iso_url              = var.iso_url
  iso_checksum         = var.iso_checksum
  cpus                 = var.cpus
  memory               = var.memory
  disk_size            = var.disk_size
  headless             = var.headless
  guest_os_type        = "Ubuntu_64"
  guest_additions_mode = "disable"
  http_directory       = "${path.root}/ubuntu-24-04-iso/http"
  boot_wait            = var.boot_wait
  boot_command = [
    "c<wait>",
    "linux /casper/vmlinuz --- autoinstall 'ds=nocloud;s=http://{{ .HTTPIP }}:{{ .HTTPPort }}/'<enter><wait>",
    "initrd /casper/initrd<enter><wait>",
    "boot<enter>",
  ]
  ssh_username         = var.ssh_username
  ssh_password         = var.ssh_password
  ssh_private_key_file = var.ssh_private_key_file
  ssh_timeout          = var.ssh_timeout
  shutdown_command     = "sudo shutdown -P now"
  output_directory     = "${var.output_directory}/virtualbox"
}

source "vmware-iso" "ubuntu-24-04-iso" {
  iso_url        = var.iso_url
  iso_checksum   = var.iso_checksum
  cpus           = var.cpus
  memory         = var.memory
  disk_size      = var.disk_size
  headless       = var.headless
  guest_os_type  = "ubuntu-64"
  http_directory = "${path.root}/ubuntu-24-04-iso/http"
  boot_wait      = var.boot_wait
  boot_command = [
    "c<wait>",
    "linux /casper/vmlinuz --- autoinstall 'ds=nocloud;s=http://{{ .HTTPIP }}:{{ .HTTPPort }}/'<enter><wait>",
    "initrd /casper/initrd<enter><wait>",
    "boot<enter>",
  ]
  ssh_username         = var.ssh_username
  ssh_password         = var.ssh_password
  ssh_private_key_file = var.ssh_private_key_file
  ssh_timeout          = var.ssh_timeout
  shutdown_command     = "sudo shutdown -P now"
  output_directory     = "${var.output_directory}/vmware"
}

build {
  name = "ubuntu-24-04-iso"
  sources = [
    "source.qemu.ubuntu-24-04-iso",
    "source.lxd.ubuntu-24-04-iso",
    "source.virtualbox-iso.ubuntu-24-04-iso",
    "source.vmware-iso.ubuntu-24-04-iso",
  ]

  # Packages, then the image's commands, as root.
  provisioner "shell" {
    script          = "${path.root}/ubuntu-24-04-iso/provision/commands.sh"
    execute_command = "chmod +x {{ .Path }}; if [ \"$(id -u)\" = 0 ]; then {{ .Vars }} {{ .Path }}; else sudo -E env {{ .Vars }} {{ .Path }}; fi"
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

  # A Vagrant box of the qemu image, for the libvirt provider.
  post-processor "vagrant" {
    only                = ["qemu.ubuntu-24-04-iso"]
    provider_override   = "libvirt"
    keep_input_artifact = true
    output              = "${var.output_directory}/ubuntu-24-04-iso-libvirt.box"
  }
}
