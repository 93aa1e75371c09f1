<!-- labforge: network ${esc.xmlComment(network)} of lab ${esc.xmlComment(lab)} (${esc.xmlComment(cidr)}, ${esc.xmlComment(kind)}). Generated; edit the lab spec instead.
     virsh net-define this file, then virsh net-start on the <name> below (lab.sh up does both). -->
<network>
  <name>${esc.xml(name)}</name>
<#if forward == "bridge">
  <!-- kind bridged: the guests join the host's existing bridge; its LAN gives addresses and names. -->
  <forward mode='bridge'/>
  <bridge name='${esc.xml(hostBridge)}'/>
<#else>
<#if forward == "nat">
  <forward mode='nat'/>
<#elseif router??>
  <!-- isolated, and routed by machine ${esc.xmlComment(router)}, which owns the gateway ${esc.xmlComment(address)}: the host takes no address here, so libvirt serves no DHCP or DNS on it. -->
<#else>
  <!-- isolated: no <forward>, so nothing leaves the host; the guests reach each other and the host's ${esc.xmlComment(address)}. -->
</#if>
  <bridge name='${esc.xml(bridge)}' stp='on' delay='0'/>
<#if !router??>
  <domain name='${esc.xml(domain)}' localOnly='yes'/>
<#if dnsHosts?has_content>
  <dns>
<#list dnsHosts as h>
    <host ip='${esc.xml(h.ip)}'>
<#list h.names as hostname>
      <hostname>${esc.xml(hostname)}</hostname>
</#list>
    </host>
</#list>
  </dns>
</#if>
<#if dhcp>
  <ip address='${esc.xml(address)}' netmask='${esc.xml(netmask)}'>
    <dhcp>
      <range start='${esc.xml(rangeStart)}' end='${esc.xml(rangeEnd)}'/>
<#list dhcpHosts as h>
      <host mac='${esc.xml(h.mac)}' name='${esc.xml(h.name)}' ip='${esc.xml(h.ip)}'/>
</#list>
    </dhcp>
  </ip>
<#else>
  <ip address='${esc.xml(address)}' netmask='${esc.xml(netmask)}'/>
</#if>
</#if>
</#if>
</network>
