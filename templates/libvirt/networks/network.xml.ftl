<!-- labforge: network ${esc.xmlComment(n.network)} of lab ${esc.xmlComment(n.lab)} (${esc.xmlComment(n.cidr)}, ${esc.xmlComment(n.kind)}). Generated; edit the lab spec instead.
     virsh net-define this file, then virsh net-start on the <name> below (lab.sh up does both). -->
<network>
  <name>${esc.xml(n.name)}</name>
<#if n.forward == "bridge">
  <!-- kind bridged: the guests join the host's existing bridge; its LAN gives addresses and names. -->
  <forward mode='bridge'/>
  <bridge name='${esc.xml(n.hostBridge)}'/>
<#else>
<#if n.forward == "nat">
  <forward mode='nat'/>
<#elseif n.router??>
  <!-- isolated, and routed by machine ${esc.xmlComment(n.router)}, which owns the gateway ${esc.xmlComment(n.address)}: the host takes no address here, so libvirt serves no DHCP or DNS on it. -->
<#else>
  <!-- isolated: no <forward>, so nothing leaves the host; the guests reach each other and the host's ${esc.xmlComment(n.address)}. -->
</#if>
  <bridge name='${esc.xml(n.bridge)}' stp='on' delay='0'/>
<#if !n.router??>
  <domain name='${esc.xml(n.domain)}' localOnly='yes'/>
<#if n.dnsHosts?has_content>
  <dns>
<#list n.dnsHosts as h>
    <host ip='${esc.xml(h.ip)}'>
<#list h.names as hostname>
      <hostname>${esc.xml(hostname)}</hostname>
</#list>
    </host>
</#list>
  </dns>
</#if>
<#if n.dhcp>
  <ip address='${esc.xml(n.address)}' netmask='${esc.xml(n.netmask)}'>
    <dhcp>
      <range start='${esc.xml(n.rangeStart)}' end='${esc.xml(n.rangeEnd)}'/>
<#list n.dhcpHosts as h>
      <host mac='${esc.xml(h.mac)}' name='${esc.xml(h.name)}' ip='${esc.xml(h.ip)}'/>
</#list>
    </dhcp>
  </ip>
<#else>
  <ip address='${esc.xml(n.address)}' netmask='${esc.xml(n.netmask)}'/>
</#if>
</#if>
</#if>
</network>
