# xl domain configuration of machine ${machine} in lab ${lab}, written by labforge.
<#if description??>
# ${esc.xlComment(description)}
</#if>
# Start the whole lab with xen/lab.sh up (it makes the bridges, disks and seed first), or this
# machine alone with: xl create ${machine}.cfg
name = ${esc.xl(domain)}
type = ${esc.xl(type)}
memory = ${memory}
vcpus = ${vcpus}
<#if type == "hvm">
<#if nested>
nestedhvm = 1
</#if>
boot = "c"
serial = "pty"
<#else>
<#if nested>
# nested_virtualization is set, but nestedhvm is written for HVM guests only: Xen 4.17 supports
# nested virtualization (experimental) for x86 HVM. Set targets.xen.type: hvm to get it.
</#if>
<#if kernel??>
kernel = ${esc.xl(kernel)}
<#if ramdisk??>
ramdisk = ${esc.xl(ramdisk)}
</#if>
<#else>
bootloader = "pygrub"
</#if>
<#if extra??>
extra = ${esc.xl(extra)}
</#if>
</#if>
disk = [
<#list disks as d>
    ${esc.xl(d)},
</#list>
]
<#if vifs?has_content>
vif = [
<#list vifs as v>
    ${esc.xl(v)},
</#list>
]
</#if>
