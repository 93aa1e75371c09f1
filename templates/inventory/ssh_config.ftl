# labforge: lab ${lab}: one Host per machine. Generated.
# Use:  ssh -F ssh_config <machine>      (with your key: ssh -F ssh_config -i ~/.ssh/KEY <machine>)
# Or add "Include <this file's absolute path>" at the top of ~/.ssh/config.
<#list hosts as h>

Host ${h.name}
  HostName ${h.hostName}
<#if h.user??>
  User ${h.user}
<#else>
  # no user with an SSH key or password on this machine: ssh uses your local login name
</#if>
  StrictHostKeyChecking accept-new
<#if h.comment??>
  # ${h.comment}
</#if>
</#list>
