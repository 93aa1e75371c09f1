<#-- An HCL value of the packer view (PackerView.Value) as text, for an attribute indented by
     indent spaces: strings are quoted here, with esc.hcl, and only here. -->
<#function value v indent>
<#switch v.kind>
<#case "string">
<#return esc.hcl(v.text)>
<#case "expr">
<#return v.text>
<#case "root">
<#return r'"${path.root}/' + esc.hcl(v.text)[1..]>
<#case "ref">
<#return r'"${' + v.ref + '}' + esc.hcl(v.text)[1..]>
<#case "tuple">
<#return inline(v.items, indent)>
<#case "list">
<#if v.items?size <= 1>
<#return inline(v.items, indent)>
</#if>
<#local out = "[\n">
<#list v.items as i>
<#local out = out + ""?left_pad(indent + 2) + value(i, indent + 2) + ",\n">
</#list>
<#return out + ""?left_pad(indent) + "]">
<#case "map">
<#local out = "{\n">
<#list v.entries as e>
<#local out = out + ""?left_pad(indent + 2) + esc.hcl(e.key) + " = " + esc.hcl(e.value) + "\n">
</#list>
<#return out + ""?left_pad(indent) + "}">
</#switch>
</#function>

<#-- A list on one line: [a, b]. -->
<#function inline items indent>
<#local out = "">
<#list items as i>
<#local out = out + value(i, indent)>
<#if i?has_next>
<#local out = out + ", ">
</#if>
</#list>
<#return "[" + out + "]">
</#function>
