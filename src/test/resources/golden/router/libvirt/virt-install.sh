#!/usr/bin/env bash
# labforge: lab router as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/router):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start router-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/router/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/router/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/router.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/router"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine router
virt-install --name 'router-router' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'router.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'router.seed.iso',device=cdrom,readonly=on \
  --network network='router-lan1',mac='52:54:00:13:c2:63',model=virtio \
  --network network='router-lan2',mac='52:54:00:c5:cf:cd',model=virtio \
  --network network='router-mgmt',mac='52:54:00:13:cd:40',model=virtio

# machine client1
virt-install --name 'router-client1' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'client1.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'client1.seed.iso',device=cdrom,readonly=on \
  --network network='router-lan1',mac='52:54:00:c1:4c:a5',model=virtio

# machine client2
virt-install --name 'router-client2' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'client2.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'client2.seed.iso',device=cdrom,readonly=on \
  --network network='router-lan2',mac='52:54:00:d9:2e:8e',model=virtio

