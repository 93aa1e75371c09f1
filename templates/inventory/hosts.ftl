# labforge: lab ${lab}: lines for /etc/hosts, every machine and every address. Generated.
# A machine's first address carries its FQDN and short name; every address also carries
# <machine>-<network>. Append to /etc/hosts:  sudo sh -c 'cat hosts >> /etc/hosts'
<#if placements?has_content>
# Where each machine runs (the lab's hosts):
<#list placements as p>
<#if p.host??>
#   ${p.host} (${p.address}): <#if p.machines?has_content><#list p.machines as m>${m}<#sep> </#sep></#list><#else>(none)</#if>
<#else>
#   placed by the engine: <#list p.machines as m>${m}<#sep> </#sep></#list>
</#if>
</#list>
</#if>
<#list lines as l>
<#if l.ip??>
${l.ip?right_pad(15)} <#list l.names as n>${n}<#sep> </#sep></#list>
<#else>
# ${l.comment}
</#if>
</#list>
