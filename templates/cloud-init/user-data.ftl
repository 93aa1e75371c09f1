#cloud-config
# labforge: machine ${machine} of lab ${lab}. Generated; edit the lab spec instead.
hostname: ${esc.yaml(hostname)}
fqdn: ${esc.yaml(fqdn)}
manage_etc_hosts: ${manageEtcHosts?c}
timezone: ${esc.yaml(timezone)}
<#if users?has_content>
users:
<#list users as u>
  - name: ${esc.yaml(u.name)}
<#if u.groups?has_content>
    groups:
<#list u.groups as g>
      - ${esc.yaml(g)}
</#list>
</#if>
    shell: ${esc.yaml(u.shell)}
    lock_passwd: ${u.lockPasswd?c}
<#if u.hashedPasswd??>
    hashed_passwd: ${esc.yaml(u.hashedPasswd)}
</#if>
<#if u.sudo??>
    sudo: ${esc.yaml(u.sudo)}
</#if>
<#if u.keys?has_content>
    ssh_authorized_keys:
<#list u.keys as k>
      - ${esc.yaml(k)}
</#list>
</#if>
</#list>
</#if>
ssh_pwauth: ${sshPwauth?c}
<#if packages?has_content>
package_update: true
packages:
<#list packages as p>
  - ${esc.yaml(p)}
</#list>
<#else>
package_update: false
</#if>
<#if boot?has_content>
bootcmd:
<#list boot as argv>
  - [<#list argv as a>${esc.yaml(a)}<#sep>, </#sep></#list>]
</#list>
</#if>
<#if files?has_content>
write_files:
<#list files as f>
  - path: ${esc.yaml(f.path)}
    permissions: ${esc.yaml(f.permissions)}
    owner: ${esc.yaml(f.owner)}
    defer: ${f.defer?c}
<#if f.encoding??>
    encoding: ${f.encoding}
    content: ${esc.yaml(f.content)}
<#else>
    content: ${esc.yamlBlock(f.content, 6)}
</#if>
</#list>
</#if>
<#if disks?has_content>
disk_setup:
<#list disks as d>
  ${esc.yaml(d.device)}:
    table_type: gpt
    layout: true
    overwrite: false
</#list>
fs_setup:
<#list disks as d>
  - device: ${esc.yaml(d.device)}
    partition: auto
    filesystem: ${esc.yaml(d.fs)}
    label: ${esc.yaml(d.label)}
    overwrite: false
</#list>
mounts:
<#list disks as d>
  - [${esc.yaml(d.partition)}, ${esc.yaml(d.mount)}, ${esc.yaml(d.fs)}, ${esc.yaml(d.options)}, "0", "2"]
</#list>
</#if>
growpart:
  mode: auto
  devices: ["/"]
resize_rootfs: true
<#if run?has_content>
runcmd:
<#list run as r>
<#if r.shell??>
  - ${esc.yaml(r.shell)}
<#else>
  - [<#list r.argv as a>${esc.yaml(a)}<#sep>, </#sep></#list>]
</#if>
</#list>
</#if>
final_message: ${esc.yaml(finalMessage)}
