# Packer template for image ${v.image} (${v.os} ${v.release}), written by labforge.
#   packer init ${v.file} && packer build ${v.file}
<#list v.notes as note>
# ${note}
</#list>

packer {
  required_version = ">= 1.7.0"
  required_plugins {
<#list v.plugins as p>
    ${p.name} = {
      source = ${esc.hcl(p.source)}
      version = ${esc.hcl(p.version)}
    }
</#list>
  }
}
<#list v.variables as var>

variable ${esc.hcl(var.name)} {
  type = ${var.type}
  default = ${var.defaultValue}
  description = ${esc.hcl(var.description)}
<#if var.sensitive>
  sensitive = true
</#if>
}
</#list>
<#list v.sources as s>

source ${esc.hcl(s.type)} ${esc.hcl(s.name)} {
<#list s.attributes as a>
  ${a.name} = ${a.value}
</#list>
}
</#list>

build {
  name = ${esc.hcl(v.image)}
  sources = ${v.sourceRefs}
<#list v.provisioners as p>

<#if p.comment??>
  # ${p.comment}
</#if>
  provisioner ${esc.hcl(p.type)} {
<#list p.attributes as a>
    ${a.name} = ${a.value}
</#list>
  }
</#list>
<#list v.postProcessors as p>

<#if p.comment??>
  # ${p.comment}
</#if>
  post-processor ${esc.hcl(p.type)} {
<#list p.attributes as a>
    ${a.name} = ${a.value}
</#list>
  }
</#list>
}
