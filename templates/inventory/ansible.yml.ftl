# labforge: Ansible inventory of lab ${lab}. Generated; edit the lab spec instead.
# Use:  ansible-inventory -i ansible.yml --list ;  ansible -i ansible.yml all -m ping
<#if clustered>
# Groups: net_<network> and image_<image> ("-" becomes "_"), routers (machines that forward),
# host_<host>: the machines each of the lab's hosts runs (also the host variable labforge_host).
<#else>
# Groups: net_<network> and image_<image> ("-" becomes "_"), routers (machines that forward).
</#if>
all:
  vars:
    ansible_ssh_common_args: ${esc.yaml("-o StrictHostKeyChecking=accept-new")}
    labforge_lab: ${esc.yaml(lab)}
  hosts:
<#list hosts as h>
    ${esc.yaml(h.name)}:
      ansible_host: ${esc.yaml(h.address)}
<#if h.user??>
      ansible_user: ${esc.yaml(h.user)}
</#if>
<#if h.jump??>
      ansible_ssh_common_args: ${esc.yaml("-F '{{ inventory_dir }}/ssh_config' -o ProxyJump=" + h.jump + " -o StrictHostKeyChecking=accept-new")}
</#if>
      labforge_fqdn: ${esc.yaml(h.fqdn)}
<#if h.labHost??>
      labforge_host: ${esc.yaml(h.labHost)}
</#if>
      labforge_image: ${esc.yaml(h.image)}
      labforge_cpus: ${h.cpus}
      labforge_memory_mib: ${h.memoryMib}
      labforge_forwarding: ${h.forwarding?c}
      labforge_nics:
<#list h.nics as n>
        - name: ${esc.yaml(n.name)}
          network: ${esc.yaml(n.network)}
<#if n.ip??>
          ip: ${esc.yaml(n.ip)}
          prefix: ${n.prefix}
<#else>
          dhcp: true
</#if>
          mac: ${esc.yaml(n.mac)}
</#list>
</#list>
  children:
<#list groups as g>
    ${esc.yaml(g.name)}:
      hosts:
<#list g.hosts as m>
        ${esc.yaml(m)}: {}
</#list>
</#list>
