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
<#if n.gateway??>
    routes:
      - to: ${esc.yaml(defaultDestination)}
        via: ${esc.yaml(n.gateway)}
</#if>
</#if>
    nameservers:
      addresses:
<#list n.dns as a>
        - ${esc.yaml(a)}
</#list>
</#list>
