# xl domain configuration of machine ${m.machine} in lab ${m.lab}, written by labforge.
<#if m.description??>
# ${esc.xlComment(m.description)}
</#if>
# Start the whole lab with xen/lab.sh up (it makes the bridges, disks and seed first), or this
# machine alone with: xl create ${m.machine}.cfg
name = ${esc.xl(m.domain)}
type = ${esc.xl(m.type)}
memory = ${m.memory}
vcpus = ${m.vcpus}
<#if m.type == "hvm">
<#if m.nested>
nestedhvm = 1
</#if>
boot = "c"
serial = "pty"
<#else>
<#if m.nested>
# nested_virtualization is set, but nestedhvm is written for HVM guests only: Xen 4.17 supports
# nested virtualization (experimental) for x86 HVM. Set targets.xen.type: hvm to get it.
</#if>
<#if m.kernel??>
kernel = ${esc.xl(m.kernel)}
<#if m.ramdisk??>
ramdisk = ${esc.xl(m.ramdisk)}
</#if>
<#else>
bootloader = "pygrub"
</#if>
<#if m.extra??>
extra = ${esc.xl(m.extra)}
</#if>
</#if>
disk = [
<#list m.disks as d>
    ${esc.xl(d)},
</#list>
]
<#if m.vifs?has_content>
vif = [
<#list m.vifs as v>
    ${esc.xl(v)},
</#list>
]
</#if>
