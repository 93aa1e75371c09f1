source "qemu" "debian" {
  iso_url = "https://example.org/x.iso"
  boot_command = [
    "<esc><wait>",
    "auto url=http://{{ .HTTPIP }}:{{ .HTTPPort }}/preseed.cfg<enter>",
  ]
  qemuargs = [["-m", "2048"], ["-smp", "2"]]
}

build {
  sources = ["source.qemu.debian"]

  provisioner "shell" {
    inline = ["echo hi", "apt-get install -y vim"]
    environment_vars = ["A=1"]
  }

  provisioner "file" {
    source      = "${path.root}/files/x"
    destination = "/tmp/x"
  }

  post-processors {
    post-processor "vagrant" {
      provider_override = "libvirt"
    }
    post-processor "manifest" {}
  }
}

packer {
  required_version = ">= 1.7.0"
  required_plugins {
    qemu = {
      version = ">= 1.0.0"
      source  = "github.com/hashicorp/qemu"
    }
  }
}

variable "password" {
  type      = string
  default   = "x"
  sensitive = true
}

locals {
  a = 1
}

locals {
  b = local.a + 1
}
