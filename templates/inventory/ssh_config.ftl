# labforge: lab ${lab}: one Host per machine. Generated.
# Use:  ssh -F ssh_config <machine>      (with your key: ssh -F ssh_config -i ~/.ssh/KEY <machine>)
# Or add "Include <this file's absolute path>" at the top of ~/.ssh/config.
# HostName is an address the host reaches; a machine on a network routed by a lab machine is
# reached through a machine that is (ProxyJump). ssh gives -i to the last hop only: for the jumps,
# load the key into ssh-agent or name it with IdentityFile.
<#list hosts as h>

Host ${h.name}
  HostName ${h.hostName}
<#if h.user??>
  User ${h.user}
<#else>
  # no user with an SSH key or password on this machine: ssh uses your local login name
</#if>
<#if h.jump??>
  ProxyJump ${h.jump}
</#if>
  StrictHostKeyChecking accept-new
<#if h.comment??>
  # ${h.comment}
</#if>
</#list>
<#if qemuHosts?has_content>

# The same machines run by the qemu target (qemu/lab.sh up): each one's SSH is forwarded from a port
# of the host's loopback by its QEMU user-mode NIC, so no jump is needed. ssh -F ssh_config <machine>.qemu
<#list qemuHosts as h>

Host ${h.name}
  HostName 127.0.0.1
  Port ${h.port?c}
  HostKeyAlias ${h.name}
<#if h.user??>
  User ${h.user}
</#if>
  StrictHostKeyChecking accept-new
</#list>
</#if>
