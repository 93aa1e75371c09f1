# labforge: lab ${lab} on an LXD cluster, member ${member.name} (${member.address}). Generated; edit the lab spec instead.
<#if bootstrap>
# The first of the lab's hosts. lab.sh up, run here, applies this file with
# `lxd init --preseed` (once: a member of a cluster skips it): the cluster's first member,
# listening for the others on ${member.https}.
config:
  core.https_address: ${esc.yaml(member.https)}
cluster:
  server_name: ${esc.yaml(member.name)}
  enabled: true
<#else>
# lab.sh up, on ${leader.name}, asks for a join token (`lxc cluster add ${member.name}`), puts it in place of
# the empty cluster_token, and hands the result to `lxd init --preseed` on this host (ssh to
# ${member.address}, or LABFORGE_LXD_ON_MEMBER). The lab's pool and networks are made after the
# cluster is formed, so no member-specific keys are needed.
cluster:
  server_name: ${esc.yaml(member.name)}
  enabled: true
  server_address: ${esc.yaml(member.https)}
  cluster_token: ""
  member_config: []
</#if>
