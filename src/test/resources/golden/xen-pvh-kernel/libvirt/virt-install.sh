#!/usr/bin/env bash
# labforge: lab xen-pvh-kernel as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/xen-pvh-kernel):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start xen-pvh-kernel-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/xen-pvh-kernel/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/xen-pvh-kernel/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/xen-pvh-kernel.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/xen-pvh-kernel"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine web-1
virt-install --name 'xen--pvh--kernel-web-1' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'web-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-1.seed.iso',device=cdrom,readonly=on \
  --network network='xen--pvh--kernel-lab',mac='52:54:00:6b:97:e9',model=virtio

# machine web-2
virt-install --name 'xen--pvh--kernel-web-2' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'web-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-2.seed.iso',device=cdrom,readonly=on \
  --network network='xen--pvh--kernel-lab',mac='52:54:00:2a:b6:a3',model=virtio

