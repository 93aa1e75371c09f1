#!/usr/bin/env bash
# labforge: lab lpic3-353 as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/lpic3-353):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start lpic3-353-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/lpic3-353/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/lpic3-353/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/lpic3-353.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/lpic3-353"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine cloud
virt-install --name 'lpic3--353-cloud' --virt-type 'kvm' --memory 8192 --vcpus 4 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'cloud.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'cloud.data.qcow2',format=qcow2,bus=virtio,size=50 \
  --disk path="$LABDIR"/'cloud.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--353-lab',mac='52:54:00:e4:fa:73',model=virtio

# machine packer
virt-install --name 'lpic3--353-packer' --virt-type 'kvm' --memory 4096 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'packer.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'packer.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--353-lab',mac='52:54:00:99:ad:dc',model=virtio

# machine cloudinit
virt-install --name 'lpic3--353-cloudinit' --virt-type 'kvm' --memory 1024 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'cloudinit.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'cloudinit.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--353-lab',mac='52:54:00:fc:c4:b7',model=virtio

