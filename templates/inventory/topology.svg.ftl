<?xml version="1.0" encoding="UTF-8"?>
<!-- labforge: topology of lab ${esc.xmlComment(lab)}. Generated; edit the lab spec instead. -->
<svg xmlns="http://www.w3.org/2000/svg" width="${d.width}" height="${d.height}" viewBox="0 0 ${d.width} ${d.height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="12">
  <title>${esc.svg(d.title)}</title>
  <rect x="0" y="0" width="${d.width}" height="${d.height}" fill="#ffffff"/>
<#list d.heading as t>
  <text x="${t.x}" y="${t.y}" fill="${t.color}"<#if t.bold> font-weight="bold" font-size="14"</#if>>${esc.svg(t.text)}</text>
</#list>
<#list d.buses as b>
  <g class="network" id="${esc.svg("network-" + b.network)}">
    <line x1="${b.x1}" y1="${b.y}" x2="${b.x2}" y2="${b.y}" stroke="${b.color}" stroke-width="4" stroke-linecap="round"/>
    <text x="${b.label.x}" y="${b.label.y}" fill="${b.label.color}" font-weight="bold" text-anchor="end">${esc.svg(b.label.text)}</text>
<#if b.note??>
    <text x="${b.note.x}" y="${b.note.y}" fill="${b.note.color}">${esc.svg(b.note.text)}</text>
</#if>
  </g>
</#list>
<#list d.groups as g>
<#if g.frame??>
  <g class="host" id="${esc.svg(g.id)}">
    <rect x="${g.frame.x}" y="${g.frame.y}" width="${g.frame.width}" height="${g.frame.height}" rx="8" fill="none" stroke="#555555" stroke-width="1.2" stroke-dasharray="6 4"/>
    <text x="${g.label.x}" y="${g.label.y}" fill="${g.label.color}" font-weight="bold">${esc.svg(g.label.text)}</text>
</#if>
<#list g.machines as m>
  <g class="machine" id="${esc.svg(m.id)}">
    <title>${esc.svg(m.tooltip)}</title>
<#list m.drops as l>
    <line x1="${l.x}" y1="${l.y1}" x2="${l.x}" y2="${l.y2}" stroke="#ffffff" stroke-width="8"/>
    <line x1="${l.x}" y1="${l.y1}" x2="${l.x}" y2="${l.y2}" stroke="${l.color}" stroke-width="2"/>
    <circle cx="${l.x}" cy="${l.y1}" r="5" fill="${l.color}"/>
</#list>
    <rect x="${m.x}" y="${m.y}" width="${m.width}" height="${m.height}" rx="6" fill="<#if m.router>#fff4e0<#else>#f4f7fb</#if>" stroke="#333333" stroke-width="<#if m.router>2.5<#else>1.2</#if>"/>
<#list m.lines as t>
    <text x="${t.x}" y="${t.y}" fill="${t.color}"<#if t.bold> font-weight="bold"</#if>>${esc.svg(t.text)}</text>
</#list>
  </g>
</#list>
<#if g.frame??>
  </g>
</#if>
</#list>
</svg>
