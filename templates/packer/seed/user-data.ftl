#cloud-config
# NoCloud seed for the Packer build of image ${image}, written by labforge: the build user Packer logs in as.
users:
  - name: ${esc.yaml(user.name())}
    sudo: ${esc.yaml(sudoRule)}
    shell: ${esc.yaml(user.shell())}
<#if user.hasPassword()>
    lock_passwd: false
    passwd: ${esc.yaml(user.passwordHash())}
<#else>
    lock_passwd: true
</#if>
<#if user.sshAuthorizedKeys()?has_content>
    ssh_authorized_keys:
<#list user.sshAuthorizedKeys() as key>
      - ${esc.yaml(key)}
</#list>
</#if>
ssh_pwauth: ${user.hasPassword()?c}
