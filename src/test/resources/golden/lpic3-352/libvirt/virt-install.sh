#!/usr/bin/env bash
# labforge: lab lpic3-352 as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/lpic3-352):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start lpic3-352-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/lpic3-352/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/lpic3-352/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/lpic3-352.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/lpic3-352"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine lxd
virt-install --name 'lpic3--352-lxd' --virt-type 'kvm' --memory 4096 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'lxd.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'lxd.pool.qcow2',format=qcow2,bus=virtio,size=30 \
  --disk path="$LABDIR"/'lxd.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--352-containers',mac='52:54:00:aa:9a:1d',model=virtio

# machine swarm-1
virt-install --name 'lpic3--352-swarm-1' --virt-type 'kvm' --memory 2048 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'swarm-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'swarm-1.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--352-containers',mac='52:54:00:20:09:d4',model=virtio

# machine swarm-2
virt-install --name 'lpic3--352-swarm-2' --virt-type 'kvm' --memory 2048 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'swarm-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'swarm-2.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--352-containers',mac='52:54:00:b4:c4:8f',model=virtio

# machine k8s
virt-install --name 'lpic3--352-k8s' --virt-type 'kvm' --memory 4096 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'k8s.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'k8s.seed.iso',device=cdrom,readonly=on \
  --network network='lpic3--352-containers',mac='52:54:00:cc:be:94',model=virtio

