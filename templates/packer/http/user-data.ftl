<#import "/packer/include/user-setup.ftl" as installer>
#cloud-config
# Ubuntu autoinstall for the Packer build of image ${image}, written by labforge.
autoinstall:
  version: 1
  locale: en_US.UTF-8
  keyboard:
    layout: us
  identity:
    hostname: ${esc.yaml(image)}
    username: ${esc.yaml(user.name())}
    password: ${esc.yaml(passwordHash)}
  ssh:
    install-server: true
    allow-pw: ${user.hasPassword()?c}
<#if user.sshAuthorizedKeys()?has_content>
    authorized-keys:
<#list user.sshAuthorizedKeys() as key>
      - ${esc.yaml(key)}
</#list>
</#if>
  packages:
    - cloud-init
    - sudo
  late-commands:
    - ${esc.yaml("curtin in-target --target=/target -- sh -c " + esc.sh(installer.userSetup(user)?join("; ")))}
