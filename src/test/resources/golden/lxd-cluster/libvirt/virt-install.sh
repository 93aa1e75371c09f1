#!/usr/bin/env bash
# labforge: lab cluster-lab as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/cluster-lab):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start cluster-lab-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/cluster-lab/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/cluster-lab/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/cluster-lab.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/cluster-lab"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine web-1
virt-install --name 'cluster--lab-web-1' --virt-type 'kvm' --memory 256 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'web-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-1.seed.iso',device=cdrom,readonly=on \
  --network network='cluster--lab-front',mac='52:54:00:0d:38:56',model=virtio

# machine web-2
virt-install --name 'cluster--lab-web-2' --virt-type 'kvm' --memory 256 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'web-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-2.seed.iso',device=cdrom,readonly=on \
  --network network='cluster--lab-front',mac='52:54:00:06:33:74',model=virtio

# machine app
virt-install --name 'cluster--lab-app' --virt-type 'kvm' --memory 256 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'app.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'app.seed.iso',device=cdrom,readonly=on \
  --network network='cluster--lab-front',mac='52:54:00:ad:95:e4',model=virtio \
  --network network='cluster--lab-back',mac='52:54:00:9f:18:a7',model=virtio

# machine db
virt-install --name 'cluster--lab-db' --virt-type 'kvm' --memory 256 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'db.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'db.data.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'db.seed.iso',device=cdrom,readonly=on \
  --network network='cluster--lab-back',mac='52:54:00:f8:8e:5f',model=virtio

# machine tools
virt-install --name 'cluster--lab-tools' --virt-type 'kvm' --memory 256 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'tools.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'tools.seed.iso',device=cdrom,readonly=on \
  --network network='cluster--lab-back',mac='52:54:00:bf:72:e4',model=virtio

