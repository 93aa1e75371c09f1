#!/usr/bin/env bash
# labforge: lab seed-edges as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/seed-edges):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start seed-edges-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/seed-edges/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/seed-edges/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/seed-edges.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/seed-edges"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine edge-1
virt-install --name 'seed--edges-edge-1' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'edge-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'edge-1.scratch.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'edge-1.database-files.qcow2',format=qcow2,bus=virtio,size=4 \
  --disk path="$LABDIR"/'edge-1.seed.iso',device=cdrom,readonly=on \
  --network network='seed--edges-front',mac='52:54:00:a8:dd:01',model=virtio \
  --network network='seed--edges-back',mac='52:54:00:84:8b:f0',model=virtio

# machine edge-2
virt-install --name 'seed--edges-edge-2' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'edge-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'edge-2.scratch.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'edge-2.database-files.qcow2',format=qcow2,bus=virtio,size=4 \
  --disk path="$LABDIR"/'edge-2.seed.iso',device=cdrom,readonly=on \
  --network network='seed--edges-front',mac='52:54:00:58:5a:49',model=virtio \
  --network network='seed--edges-back',mac='52:54:00:59:21:76',model=virtio

