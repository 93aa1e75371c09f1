#!/usr/bin/env bash
# labforge: lab ${lab} as virt-install commands, the way the machines would be made by hand.
# Generated; edit the lab spec instead. lab.sh does the same with virsh and is what to use; this
# file shows each machine as one virt-install command with its cloud-init seed as a CD-ROM.
#
# Before it, what `./lab.sh up` would make (LABFORGE_POOL moves ${labDir}):
#   the networks:  virsh net-define networks/<network>.xml && virsh net-start ${lab}-<network>
#   a root disk:   qemu-img create -f qcow2 -F qcow2 -b IMAGE.qcow2 ${labDir}/<machine>.qcow2 10G
#   the seed:      install -m 0644 ../cloud-init/<machine>/nocloud.iso ${labDir}/<machine>.seed.iso
# Data disks are created by virt-install itself (size=). QEMU runs as libvirt-qemu: it must be
# able to read everything under ${labDir}.
set -euo pipefail

LABDIR="${r"${LABFORGE_POOL:-"}${defaultPool}${r"}"}/${lab}"
export LIBVIRT_DEFAULT_URI="${r"${LIBVIRT_DEFAULT_URI:-qemu:///system}"}"

<#list machines as m>
# machine ${m.machine}
virt-install --name ${esc.sh(m.name)} --virt-type ${esc.sh(m.type)} --memory ${m.memoryMib?c} --vcpus ${m.cpus?c} \
  --import --osinfo detect=on,require=off --graphics none --console pty,target_type=serial --noautoconsole \
<#if m.cpuMode??>
  --cpu ${esc.sh(m.cpuMode)} \
</#if>
  --disk path="$LABDIR"/${esc.sh(m.machine + ".qcow2")},format=qcow2,bus=virtio \
<#list m.disks as d>
  --disk path="$LABDIR"/${esc.sh(d.file)},format=qcow2,bus=virtio,size=${(d.sizeMib / 1024)?ceiling?c} \
</#list>
  --disk path="$LABDIR"/${esc.sh(m.machine + ".seed.iso")},device=cdrom,readonly=on \
<#list m.nics as n>
  --network network=${esc.sh(n.libvirtNetwork)},mac=${esc.sh(n.mac)},model=virtio<#sep> \</#sep>
</#list>

</#list>
