# labforge: lab ${lab}: lines for /etc/hosts, every machine and every address. Generated.
# A machine's first address carries its FQDN and short name; every address also carries
# <machine>-<network>. Append to /etc/hosts:  sudo sh -c 'cat hosts >> /etc/hosts'
<#list lines as l>
<#if l.ip??>
${l.ip?right_pad(15)} <#list l.names as n>${n}<#sep> </#sep></#list>
<#else>
# ${l.comment}
</#if>
</#list>
