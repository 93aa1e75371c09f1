#!/usr/bin/env bash
# labforge: lab tf-closed as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves /var/lib/libvirt/images/labforge/tf-closed):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start tf-closed-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 /var/lib/libvirt/images/labforge/tf-closed/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso /var/lib/libvirt/images/labforge/tf-closed/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under /var/lib/libvirt/images/labforge/tf-closed.
set -euo pipefail

LABDIR="${LABFORGE_POOL:-/var/lib/libvirt/images/labforge}/tf-closed"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"

# machine anon
virt-install --name 'tf--closed-anon' --virt-type 'kvm' --memory 512 --vcpus 1 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'anon.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'anon.seed.iso',device=cdrom,readonly=on \
  --network network='tf--closed-lan',mac='52:54:00:c1:b1:25',model=virtio

# machine ops
virt-install --name 'tf--closed-ops' --virt-type 'kvm' --memory 3072 --vcpus 2 \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
  --disk path="$LABDIR"/'ops.qcow2',format=qcow2,bus=virtio \
  --disk path="$LABDIR"/'ops.seed.iso',device=cdrom,readonly=on \
  --network network='tf--closed-lan',mac='52:54:00:a6:9d:23',model=virtio

