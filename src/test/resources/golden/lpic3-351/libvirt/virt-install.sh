#!/usr/bin/env bash
# labforge: lab lpic3-351 as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/lpic3-351):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start lpic3-351-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/lpic3-351/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/lpic3-351/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/lpic3-351.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/lpic3-351"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine xen
virt-install --name 'lpic3--351-xen' --virt-type 'kvm' --memory 8192 --vcpus 4 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'xen.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'xen.guests.qcow2',format=qcow2,bus=virtio,size=100 \
  --disk path="$LABDIR"/'xen.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--351-virt',mac='52:54:00:da:d7:93',model=virtio

# machine kvm
virt-install --name 'lpic3--351-kvm' --virt-type 'kvm' --memory 8192 --vcpus 4 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'kvm.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'kvm.guests.qcow2',format=qcow2,bus=virtio,size=100 \
  --disk path="$LABDIR"/'kvm.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--351-virt',mac='52:54:00:6d:cf:44',model=virtio

