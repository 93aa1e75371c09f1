// labforge: topology of lab ${lab}. Generated; edit the lab spec instead.
// Render: dot -Tsvg topology.dot -o topology-dot.svg
graph ${esc.dot(lab)} {
  graph [label=${esc.dot(title)}, labelloc=t, fontname="monospace", rankdir=TB, nodesep=0.4, ranksep=0.8];
  node [fontname="monospace", fontsize=11];
  edge [fontname="monospace", fontsize=10];
<#list networks as n>
  ${esc.dot("net:" + n.name)} [shape=box, style="rounded,filled,bold", fillcolor="#ffffff", color=${esc.dot(n.color)}, fontcolor=${esc.dot(n.color)}, label=${esc.dot(n.label)}];
</#list>
<#list clusters as c>
  subgraph ${esc.dot(c.name)} {
    graph [label=${esc.dot(c.label)}, style=dashed, color="#777777"];
<#list c.machines as m>
    ${esc.dot(m.name)} [shape=box, style=filled, fillcolor=<#if m.router>"#fff4e0"<#else>"#f4f7fb"</#if>, label=${esc.dot(m.label)}];
</#list>
  }
</#list>
<#list machines as m>
  ${esc.dot(m.name)} [shape=box, style=filled, fillcolor=<#if m.router>"#fff4e0"<#else>"#f4f7fb"</#if>, label=${esc.dot(m.label)}];
</#list>
<#list links as l>
  ${esc.dot(l.machine)} -- ${esc.dot("net:" + l.network)} [color=${esc.dot(l.color)}, label=${esc.dot(l.label)}];
</#list>
}
