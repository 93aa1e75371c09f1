#!/usr/bin/env bash
# labforge: lab vagrant-edges as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/vagrant-edges):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start vagrant-edges-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/vagrant-edges/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/vagrant-edges/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/vagrant-edges.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/vagrant-edges"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine store
virt-install --name 'vagrant--edges-store' --virt-type 'kvm' --memory 1536 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'store.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'store.raw.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'store.bulk.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'store.seed.iso',device=cdrom,readonly=on \
  --network network='vagrant--edges-lan',mac='52:54:00:da:0f:d1',model=virtio \
  --network network='vagrant--edges-outbound',mac='52:54:00:c1:4d:60',model=virtio

# machine edge-1
virt-install --name 'vagrant--edges-edge-1' --virt-type 'kvm' --memory 1536 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'edge-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'edge-1.seed.iso',device=cdrom,readonly=on \
  --network network='vagrant--edges-office',mac='52:54:00:e1:7d:7f',model=virtio \
  --network network='vagrant--edges-outbound',mac='52:54:00:52:ca:32',model=virtio

# machine edge-2
virt-install --name 'vagrant--edges-edge-2' --virt-type 'kvm' --memory 1536 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'edge-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'edge-2.seed.iso',device=cdrom,readonly=on \
  --network network='vagrant--edges-office',mac='52:54:00:16:a2:50',model=virtio \
  --network network='vagrant--edges-outbound',mac='52:54:00:ba:c1:af',model=virtio

