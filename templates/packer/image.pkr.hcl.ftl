<#import "/packer/include/hcl.ftl" as hcl>
# Packer template for image ${image} (${os} ${release}), written by labforge.
#   packer init ${file} && packer build ${file}
<#list notes as note>
# ${note}
</#list>

packer {
  required_version = ">= 1.7.0"
  required_plugins {
<#list plugins as p>
    ${p.name} = {
      source = ${esc.hcl(p.source)}
      version = ${esc.hcl(p.version)}
    }
</#list>
  }
}
<#list variables as var>

variable ${esc.hcl(var.name)} {
  type = ${var.type}
  default = ${hcl.value(var.defaultValue, 2)}
  description = ${esc.hcl(var.description)}
<#if var.sensitive>
  sensitive = true
</#if>
}
</#list>
<#list sources as s>

source ${esc.hcl(s.type)} ${esc.hcl(s.name)} {
<#list s.attributes as a>
  ${a.name} = ${hcl.value(a.value, 2)}
</#list>
}
</#list>

build {
  name = ${esc.hcl(image)}
  sources = ${hcl.value(sourceRefs, 2)}
<#list provisioners as p>

<#if p.comment??>
  # ${p.comment}
</#if>
  provisioner ${esc.hcl(p.type)} {
<#list p.attributes as a>
    ${a.name} = ${hcl.value(a.value, 4)}
</#list>
  }
</#list>
<#list postProcessors as p>

<#if p.comment??>
  # ${p.comment}
</#if>
  post-processor ${esc.hcl(p.type)} {
<#list p.attributes as a>
    ${a.name} = ${hcl.value(a.value, 4)}
</#list>
  }
</#list>
}
