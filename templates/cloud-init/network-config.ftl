# labforge: network of machine ${machine} (network-config version 1; no top-level "network:" key).
version: 1
config:
<#list nics as n>
  - type: physical
    name: ${esc.yaml(n.name)}
    mac_address: ${esc.yaml(n.mac)}
<#if n.up??>
    # For ifupdown (cloud-init's renderer on Debian): the routes below, set with iproute2 once the
    # NIC is up; cloud-init 22.4 writes them only as net-tools `route` lines, and Debian has no net-tools.
    params:
      up: ${esc.yaml(n.up)}
</#if>
    subnets:
<#if n.dhcp>
      - type: dhcp4
<#else>
      - type: static
        address: ${esc.yaml(n.address)}
<#if n.gateway??>
        gateway: ${esc.yaml(n.gateway)}
</#if>
</#if>
        dns_nameservers:
<#list n.dns as a>
          - ${esc.yaml(a)}
</#list>
<#if n.routes?has_content>
        routes:
<#list n.routes as r>
          - network: ${esc.yaml(r.network)}
            netmask: ${esc.yaml(r.netmask)}
            gateway: ${esc.yaml(r.via)}
</#list>
</#if>
</#list>
