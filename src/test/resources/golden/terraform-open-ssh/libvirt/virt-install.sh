#!/usr/bin/env bash
# labforge: lab tf-open as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/tf-open):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start tf-open-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/tf-open/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/tf-open/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/tf-open.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/tf-open"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine db
virt-install --name 'tf--open-db' --virt-type 'kvm' --memory 16384 --vcpus 4 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'db.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'db.data.qcow2',format=qcow2,bus=virtio,size=20 \
  --disk path="$LABDIR"/'db.wal.qcow2',format=qcow2,bus=virtio,size=2 \
  --disk path="$LABDIR"/'db.seed.iso',device=cdrom,readonly=on \
  --network network='tf--open-front',mac='52:54:00:e2:bc:04',model=virtio \
  --network network='tf--open-back',mac='52:54:00:18:53:ab',model=virtio

# machine web-1
virt-install --name 'tf--open-web-1' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'web-1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-1.seed.iso',device=cdrom,readonly=on \
  --network network='tf--open-front',mac='52:54:00:96:bd:e6',model=virtio \
  --network network='tf--open-back',mac='52:54:00:73:d9:20',model=virtio

# machine web-2
virt-install --name 'tf--open-web-2' --virt-type 'kvm' --memory 1024 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'web-2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web-2.seed.iso',device=cdrom,readonly=on \
  --network network='tf--open-front',mac='52:54:00:e2:ee:28',model=virtio \
  --network network='tf--open-back',mac='52:54:00:23:70:a9',model=virtio

# machine huge
virt-install --name 'tf--open-huge' --virt-type 'kvm' --memory 65536 --vcpus 16 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'huge.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'huge.scratch.qcow2',format=qcow2,bus=virtio,size=200 \
  --disk path="$LABDIR"/'huge.seed.iso',device=cdrom,readonly=on \
  --network network='tf--open-back',mac='52:54:00:fb:d4:f6',model=virtio

