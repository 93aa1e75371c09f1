# labforge: /etc/hosts of machine ${machine} in lab ${lab}. Generated; edit the lab spec instead.
127.0.0.1       localhost
<#if !fixedAddress>
127.0.1.1       ${fqdn} ${hostname}
</#if>
::1             localhost ip6-localhost ip6-loopback
ff02::1         ip6-allnodes
ff02::2         ip6-allrouters

<#if listsAll>
# The machines of lab ${lab}; <machine>-<network> names each address.
<#else>
# Machine ${machine} of lab ${lab}; <machine>-<network> names each address.
</#if>
<#list lines as l>
<#if l.ip??>
${l.ip?right_pad(15)} <#list l.names as n>${n}<#sep> </#sep></#list>
<#else>
# ${l.comment}
</#if>
</#list>
