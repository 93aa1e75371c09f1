#!/usr/bin/env bash
# labforge: lab xen-hvm as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/xen-hvm):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start xen-hvm-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/xen-hvm/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/xen-hvm/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/xen-hvm.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/xen-hvm"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine storage
virt-install --name 'xen--hvm-storage' --virt-type 'kvm' --memory 1024 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'storage.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'storage.a.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'storage.b.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'storage.c.qcow2',format=qcow2,bus=virtio,size=3 \
  --disk path="$LABDIR"/'storage.d.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'storage.seed.iso',device=cdrom,readonly=on \
  --network network='xen--hvm-management-network',mac='52:54:00:50:8c:90',model=virtio \
  --network network='xen--hvm-lan',mac='52:54:00:2e:26:78',model=virtio

# machine plain
virt-install --name 'xen--hvm-plain' --virt-type 'kvm' --memory 1024 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'plain.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'plain.seed.iso',device=cdrom,readonly=on \
  --network network='xen--hvm-lan',mac='52:54:00:fe:ec:79',model=virtio

