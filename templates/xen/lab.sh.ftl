#!/usr/bin/env bash
# labforge: Xen domains of lab ${lab}. Generated; edit the lab spec instead.
#
#   ./lab.sh up [--wait [SECONDS]]
#                       bridges, disks, seeds, then xl create every machine that is not running;
#                       with --wait, then wait (default 600 s) until every machine has reported
#                       its in-guest checks
#   ./lab.sh down       xl shutdown every machine (xl destroy after 60 s), then remove the bridges
#   ./lab.sh status     the lab's domains and bridges
#   ./lab.sh check      every machine's in-guest checks, from xenconsoled's log of its console: a
#                       table per machine; exit 0 only when every machine reported and no check
#                       failed
#   ./lab.sh console M  xl console of machine M
#   ./lab.sh ssh [-i KEY] M [ARGS]
#                       ssh to machine M through ../inventory/ssh_config (an address dom0 reaches,
#                       or a jump through a machine that does), with KEY (default $LABFORGE_SSH_KEY)
#                       on every hop; host keys accepted on first contact into .ssh/known_hosts here
#
# Run as root on a Xen dom0 with xl, qemu-img (qemu-utils) and ip (iproute2).
# `check` reads $LABFORGE_XEN_CONSOLE_LOGS/guest-<domain>.log (default /var/log/xen/console), which
# xenconsoled writes when it runs with --log=guest (XENCONSOLED_TRACE=guest in /etc/default/xen).
# Domain names carry the lab's name (two labs may share dom0): DOMAINS below, in machine order.
# Disks live in ${esc.xlComment(imageDir)} and survive down/up; remove them to start over.
# Each root disk is a qcow2 overlay on the base image of its machine, which you provide once:
<#list images as i>
#   ${esc.xlComment(i.path)}  (image ${i.name}: its Packer build, or ${esc.xlComment(i.source)})
</#list>
set -euo pipefail

LAB=${esc.sh(lab)}
HERE=$(cd -- "$(dirname -- "${r"${BASH_SOURCE[0]}"}")" && pwd)
OUT=$(dirname -- "$HERE")
CONSOLE_LOGS=${r"${LABFORGE_XEN_CONSOLE_LOGS:-/var/log/xen/console}"}
MACHINES=(<#list machines as m>${esc.sh(m.name)}<#sep> </#sep></#list>)
DOMAINS=(<#list machines as m>${esc.sh(m.domain)}<#sep> </#sep></#list>)
BRIDGES=(<#list bridges as b>${b.name}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>

running() {
  xl domid "$1" >/dev/null 2>&1
}

# bridge NAME [ADDRESS/PREFIX]: a Linux bridge for one lab network; dom0 takes the gateway address.
bridge() {
  if ! ip link show dev "$1" >/dev/null 2>&1; then
    ip link add name "$1" type bridge
  fi
  # not `ip ... | grep -q`: grep -q exits at the first match, and under pipefail ip's SIGPIPE fails
  local addrs
  addrs=$(ip -o addr show dev "$1")
  if [ -n "${r"${2:-}"}" ] && [[ "$addrs" != *" $2 "* ]]; then
    ip addr add "$2" dev "$1"
  fi
  ip link set dev "$1" up
}

# base PATH: the image a root disk overlays must exist.
base() {
  if [ ! -f "$1" ]; then
    die "base image $1 is missing (see the top of $0)"
  fi
}

# overlay BASE PATH SIZE: a qcow2 overlay, made once and kept.
overlay() {
  [ -f "$2" ] || qemu-img create -q -f qcow2 -F qcow2 -b "$1" "$2" "$3"
}

# blank PATH SIZE: an empty qcow2 data disk, made once and kept.
blank() {
  [ -f "$1" ] || qemu-img create -q -f qcow2 "$1" "$2"
}

up() {
  need xl xen-utils
  need qemu-img qemu-utils
  need ip iproute2
<#list bridges as b>
  bridge ${b.name}<#if b.address??> ${esc.sh(b.address)}</#if>
</#list>
<#list images as i>
  base ${esc.sh(i.path)}
</#list>
<#list machines as m>
  if ! running ${esc.sh(m.domain)}; then
    mkdir -p -- ${esc.sh(m.dir)}
    overlay ${esc.sh(m.base)} ${esc.sh(m.root)} ${m.rootSize}
<#list m.disks as d>
    blank ${esc.sh(d.path)} ${d.size}
</#list>
    cp -- "$OUT"/${esc.sh(m.seedSource)} ${esc.sh(m.seed)}
    fresh_log ${esc.sh(m.domain)}
    xl create "$HERE/${m.name}.cfg"
  fi
</#list>
}

cmd_down() {
  no_arguments "$@"
  need xl xen-utils
  need ip iproute2
  local d br
  for d in "${r"${DOMAINS[@]}"}"; do
    if running "$d"; then
      timeout 60 xl shutdown -w "$d" || xl destroy "$d"
    fi
  done
  for br in "${r"${BRIDGES[@]}"}"; do
    if ip link show dev "$br" >/dev/null 2>&1 && [ -z "$(ls -A "/sys/class/net/$br/brif")" ]; then
      ip link delete dev "$br" type bridge
    fi
  done
}

cmd_status() {
  no_arguments "$@"
  need xl xen-utils
  need ip iproute2
  local i br
  for i in "${r"${!MACHINES[@]}"}"; do
    if running "${r"${DOMAINS[$i]}"}"; then
      xl list "${r"${DOMAINS[$i]}"}" | tail -n +2
    else
      echo "${r"${MACHINES[$i]}"} not running"
    fi
  done
  for br in "${r"${BRIDGES[@]}"}"; do
    ip -br link show dev "$br" 2>/dev/null || echo "$br absent"
  done
}

# fresh_log DOMAIN: this boot's console log only, so that a report is never an earlier boot's
# (xenconsoled appends to the log of a domain name).
fresh_log() {
  if [ -f "$CONSOLE_LOGS/guest-$1.log" ]; then
    : >"$CONSOLE_LOGS/guest-$1.log"
  fi
}

# What machine $1 printed on its console, as xenconsoled logged it.
report() {
  local log="$CONSOLE_LOGS/guest-${r"${DOMAINS[$1]}"}.log"
  [ -f "$log" ] || { echo "no console log $log (is ${r"${DOMAINS[$1]}"} running, and xenconsoled started with --log=guest?)"; return 1; }
  cat -- "$log"
}

cmd_console() {
  [ $# -eq 1 ] || usage_error "console takes one machine"
  need xl xen-utils
  local i
  i="$(machine_index "$1")"
  exec xl console "${r"${DOMAINS[$i]}"}"
}

# The ssh config `lab.sh ssh` runs with: the inventory's ssh_config (addresses, users, jumps), this
# lab's own known_hosts (accept-new), and the key for every hop: ssh hands -i and -o to the last hop
# only, but -F to each jump too. The disks keep their host keys across down/up; delete
# .ssh/known_hosts with them.
cmd_ssh() {
  local key="${r"${LABFORGE_SSH_KEY:-}"}" m inventory="$OUT/inventory/ssh_config" dir="$HERE/.ssh"
  if [ "${r"${1:-}"}" = -i ]; then
    [ $# -ge 2 ] || die "-i needs a key file"
    key="$2"; shift 2
  fi
  [ $# -ge 1 ] || usage_error "ssh needs a machine"
  machine_index "$1" >/dev/null
  m="$1"
  shift
  need ssh openssh-client
  [ -f "$inventory" ] || die "$inventory is missing: generate the inventory target too"
  if [ -n "$key" ]; then
    [ -r "$key" ] || die "cannot read the key $key"
    key="$(cd "$(dirname "$key")" && pwd)/$(basename "$key")"
  fi
  install -d -m 0700 "$dir"
  {
    echo "# Written by lab.sh ssh on every run: the inventory's ssh_config, with this lab's known_hosts."
    printf 'Include "%s"\n' "$inventory"
    echo "Host *"
    # ssh expands %-tokens in these paths: a literal % is %%
    printf '  UserKnownHostsFile "%s"\n' "${r"${dir//%/%%}"}/known_hosts"
    printf '  StrictHostKeyChecking accept-new\n'
    if [ -n "$key" ]; then printf '  IdentityFile "%s"\n' "${r"${key//%/%%}"}"; fi
  } >"$dir/config"
  exec ssh -F "$dir/config" "$m" "$@"
}

lab_main "$@"
