<!-- labforge: machine ${esc.xmlComment(machine)} of lab ${esc.xmlComment(lab)}. Generated; edit the lab spec instead.
     The disks and the seed live in ${esc.xmlComment(labDir)}/; lab.sh up creates them, then runs
     virsh define on this file and virsh start on the <name> below. -->
<domain type='${esc.xml(type)}'>
  <name>${esc.xml(name)}</name>
  <title>${esc.xml(machine)} (lab ${esc.xml(lab)})</title>
<#if description??>
  <description>${esc.xmlFreeText(description)}</description>
</#if>
  <memory unit='MiB'>${memoryMib?c}</memory>
  <currentMemory unit='MiB'>${memoryMib?c}</currentMemory>
  <vcpu placement='static'>${cpus?c}</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
<#if cpuMode??>
  <!-- nested_virtualization: the guest sees VT-x/AMD-V (${esc.xmlComment(cpuMode)}). -->
  <cpu mode='${esc.xml(cpuMode)}'/>
</#if>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <!-- root disk: a qcow2 overlay on the image (${esc.xmlComment(image)}), ${rootMib?c} MiB -->
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${esc.xml(rootDisk)}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
<#list disks as disk>
    <!-- data disk ${esc.xmlComment(disk.name)}, ${disk.sizeMib?c} MiB<#if disk.mount??>, mounted on ${esc.xmlComment(disk.mount)}</#if> -->
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${esc.xml(disk.path)}'/>
      <target dev='${esc.xml(disk.device)}' bus='virtio'/>
    </disk>
</#list>
    <!-- the machine's cloud-init seed (NoCloud, label cidata), read-only -->
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='${esc.xml(seed)}'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
<#list nics as n>
    <!-- ${esc.xmlComment(n.ifname)} on network ${esc.xmlComment(n.network)}<#if n.ip??>, ${esc.xmlComment(n.ip)}<#else>, DHCP</#if> -->
    <interface type='network'>
      <source network='${esc.xml(n.libvirtNetwork)}'/>
      <mac address='${esc.xml(n.mac)}'/>
      <model type='virtio'/>
    </interface>
</#list>
    <serial type='pty'>
      <log file='${esc.xml(consoleLog)}' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <rng model='virtio'>
      <backend model='random'>/dev/urandom</backend>
    </rng>
    <memballoon model='virtio'/>
  </devices>
</domain>
