#!/usr/bin/env bash
# labforge: lab lvlab as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/lvlab):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start lvlab-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/lvlab/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/lvlab/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/lvlab.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/lvlab"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine gw
virt-install --name 'lvlab-gw' --virt-type 'qemu' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'gw.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'gw.data.qcow2',format=qcow2,bus=virtio,size=1 \
  --disk path="$LABDIR"/'gw.seed.iso',device=cdrom,readonly=on \
  --network network='lvlab-front',mac='52:54:00:a2:bb:29',model=virtio \
  --network network='lvlab-back',mac='52:54:00:37:06:df',model=virtio

# machine web
virt-install --name 'lvlab-web' --virt-type 'qemu' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'web.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'web.seed.iso',device=cdrom,readonly=on \
  --network network='lvlab-front',mac='52:54:00:f5:f5:d1',model=virtio

# machine db
virt-install --name 'lvlab-db' --virt-type 'qemu' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'db.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'db.seed.iso',device=cdrom,readonly=on \
  --network network='lvlab-back',mac='52:54:00:a6:2f:46',model=virtio

