#!/usr/bin/env bash
# labforge: lab packer-installers as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/packer-installers):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start packer-installers-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/packer-installers/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/packer-installers/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/packer-installers.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/packer-installers"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine host
virt-install --name 'packer--installers-host' --virt-type 'kvm' --memory 2048 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'host.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'host.seed.iso',device=cdrom,readonly=on \
  --network network='packer--installers-lab',mac='52:54:00:a4:08:a7',model=virtio

# machine rocky
virt-install --name 'packer--installers-rocky' --virt-type 'kvm' --memory 2048 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'rocky.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'rocky.seed.iso',device=cdrom,readonly=on \
  --network network='packer--installers-lab',mac='52:54:00:28:25:37',model=virtio

# machine ubuntu
virt-install --name 'packer--installers-ubuntu' --virt-type 'kvm' --memory 2048 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'ubuntu.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'ubuntu.seed.iso',device=cdrom,readonly=on \
  --network network='packer--installers-lab',mac='52:54:00:8a:b1:5b',model=virtio

