#!/usr/bin/env bash
# labforge: lab vagrant-boot as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/vagrant-boot):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start vagrant-boot-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/vagrant-boot/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/vagrant-boot/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/vagrant-boot.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/vagrant-boot"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine alpha
virt-install --name 'vagrant--boot-alpha' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'alpha.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'alpha.data.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'alpha.seed.iso',device=cdrom,readonly=on \
  --network network='vagrant--boot-lab',mac='52:54:00:54:79:81',model=virtio

# machine beta
virt-install --name 'vagrant--boot-beta' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'beta.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'beta.seed.iso',device=cdrom,readonly=on \
  --network network='vagrant--boot-lab',mac='52:54:00:0a:7d:a0',model=virtio

