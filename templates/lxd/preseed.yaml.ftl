# labforge: lab ${lab} on LXD<#if labComment??> (${labComment})</#if>. Generated; edit the lab spec instead.
<#if cluster>
# The lab's profiles, one per machine, for an LXD cluster (hosts: <#list hosts as h>${h.name}<#sep>, </#sep></#list>).
# lab.sh up forms the cluster from cluster/<host>.yaml, makes the storage pool and every
# network on each member (a bridge per member, joined by VXLAN), then applies this file
# on the first host (`lxd init --preseed`; applied again, it updates the profiles) and
# launches each machine on its host. The cloud-init keys hold the machine's NoCloud
# user-data and network-config byte for byte.
<#else>
# `lxd init --preseed < preseed.yaml` makes the storage pool, one bridge per network and one
# profile per machine; applied again, it updates them. lab.sh up applies it, creates the data
# volumes and launches each machine with its profile. The cloud-init keys hold the machine's
# NoCloud user-data and network-config byte for byte.
storage_pools:
  - name: ${esc.yaml(pool)}
    driver: dir
    description: ${esc.yaml("labforge lab " + lab)}
networks:
<#list networks as n>
  - name: ${esc.yaml(n.name)}
    type: bridge
    description: ${esc.yaml(n.description)}
    config:
      ipv4.address: ${esc.yaml(n.address)}
      ipv4.nat: "${n.nat?c}"
      ipv4.dhcp: "${n.dhcp?c}"
<#if n.dhcpRanges??>
      ipv4.dhcp.ranges: ${esc.yaml(n.dhcpRanges)}
</#if>
      ipv6.address: none
</#list>
</#if>
profiles:
<#list machines as m>
  - name: ${esc.yaml(m.instance)}
    description: ${esc.yaml(m.description)}
    config:
      limits.cpu: "${m.cpus}"
      limits.memory: ${esc.yaml(m.memory)}
<#if m.nesting>
      security.nesting: "true"
</#if>
      cloud-init.user-data: ${esc.yamlBlock(m.userData, 8)}
      cloud-init.network-config: ${esc.yamlBlock(m.networkConfig, 8)}
    devices:
      root:
        type: disk
        path: /
        pool: ${esc.yaml(pool)}
        size: ${esc.yaml(m.rootSize)}
<#list m.nics as nic>
      ${nic.name}:
        type: nic
        name: ${esc.yaml(nic.name)}
        network: ${esc.yaml(nic.network)}
        hwaddr: ${esc.yaml(nic.hwaddr)}
<#if nic.ip??>
        ipv4.address: ${esc.yaml(nic.ip)}
</#if>
</#list>
<#list m.disks as d>
      ${esc.yaml(d.device)}:
        type: disk
        pool: ${esc.yaml(pool)}
        source: ${esc.yaml(d.volume)}
        path: ${esc.yaml(d.path)}
</#list>
</#list>
