# labforge: network of machine ${machine} (network-config version 2; no top-level "network:" key).
version: 2
ethernets:
<#list nics as n>
  ${n.name}:
    match:
      macaddress: ${esc.yaml(n.mac)}
    set-name: ${esc.yaml(n.name)}
<#if n.dhcp>
    dhcp4: true
<#else>
    dhcp4: false
    addresses:
      - ${esc.yaml(n.address)}
</#if>
<#if n.gateway?? || n.routes?has_content>
    routes:
<#if n.gateway??>
      - to: ${esc.yaml(defaultDestination)}
        via: ${esc.yaml(n.gateway)}
</#if>
<#list n.routes as r>
      - to: ${esc.yaml(r.to)}
        via: ${esc.yaml(r.via)}
</#list>
</#if>
    nameservers:
      addresses:
<#list n.dns as a>
        - ${esc.yaml(a)}
</#list>
</#list>
