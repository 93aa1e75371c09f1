#!/usr/bin/env bash
# labforge: lab lxd-lab as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/lxd-lab):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start lxd-lab-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/lxd-lab/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/lxd-lab/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/lxd-lab.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/lxd-lab"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine lxd
virt-install --name 'lxd--lab-lxd' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --cpu 'host-passthrough' \
  --disk path="$LABDIR"/'lxd.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'lxd.pool.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'lxd.seed.iso',device=cdrom,readonly=on \
  --network network='lxd--lab-containers',mac='52:54:00:dd:98:77',model=virtio

# machine swarm-1
virt-install --name 'lxd--lab-swarm-1' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'swarm-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'swarm-1.seed.iso',device=cdrom,readonly=on \
  --network network='lxd--lab-containers',mac='52:54:00:d2:04:4e',model=virtio \
  --network network='lxd--lab-swarm',mac='52:54:00:ea:dc:3d',model=virtio

# machine swarm-2
virt-install --name 'lxd--lab-swarm-2' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'swarm-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'swarm-2.seed.iso',device=cdrom,readonly=on \
  --network network='lxd--lab-containers',mac='52:54:00:2f:65:d6',model=virtio \
  --network network='lxd--lab-swarm',mac='52:54:00:f9:a2:32',model=virtio

# machine k8s
virt-install --name 'lxd--lab-k8s' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'k8s.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'k8s.seed.iso',device=cdrom,readonly=on \
  --network network='lxd--lab-containers',mac='52:54:00:e7:2f:13',model=virtio

