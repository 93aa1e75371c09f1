#!/usr/bin/env bash
# Xen domains of lab ${lab}, written by labforge. Run as root on a Xen dom0 with xl, qemu-img
# (qemu-utils) and ip (iproute2):
#   lab.sh up           bridges, disks, seeds, then xl create every machine that is not running
#   lab.sh down         xl shutdown every machine (xl destroy after 60 s), then remove the bridges
#   lab.sh status       the lab's domains and bridges
#   lab.sh console M    xl console of machine M
#   lab.sh ssh [-i KEY] M [ARGS]
#                       ssh to machine M through ../inventory/ssh_config (an address dom0 reaches,
#                       or a jump through a machine that does), with KEY (default $LABFORGE_SSH_KEY)
#                       on every hop; host keys accepted on first contact into .ssh/known_hosts here
# Domain names carry the lab's name (two labs may share dom0): DOMAINS below, in machine order.
# Disks live in ${esc.xlComment(imageDir)} and survive down/up; remove them to start over.
# Each root disk is a qcow2 overlay on the base image of its machine, which you provide once:
<#list images as i>
#   ${esc.xlComment(i.path)}  (image ${i.name}: its Packer build, or ${esc.xlComment(i.source)})
</#list>
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${r"${BASH_SOURCE[0]}"}")" && pwd)
LAB=$(dirname -- "$HERE")
MACHINES=(<#list machines as m>${m.name}<#sep> </#sep></#list>)
DOMAINS=(<#list machines as m>${esc.sh(m.domain)}<#sep> </#sep></#list>)
BRIDGES=(<#list bridges as b>${b.name}<#sep> </#sep></#list>)

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "lab.sh: $tool is not installed" >&2; exit 1; }
  done
}

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
    echo "lab.sh: base image $1 is missing (see the top of $0)" >&2
    exit 1
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
  need xl qemu-img ip
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
    cp -- "$LAB"/${esc.sh(m.seedSource)} ${esc.sh(m.seed)}
    xl create "$HERE/${m.name}.cfg"
  fi
</#list>
}

down() {
  need xl ip
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

status() {
  need xl ip
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

console() {
  need xl
  local i
  for i in "${r"${!MACHINES[@]}"}"; do
    if [ "${r"${MACHINES[$i]}"}" = "$1" ]; then
      exec xl console "${r"${DOMAINS[$i]}"}"
    fi
  done
  echo "lab.sh: no machine '$1' in lab ${lab} (machines: ${r"${MACHINES[*]}"})" >&2
  exit 2
}

# The ssh config `lab.sh ssh` runs with: the inventory's ssh_config (addresses, users, jumps), this
# lab's own known_hosts (accept-new), and the key for every hop: ssh hands -i and -o to the last hop
# only, but -F to each jump too. The disks keep their host keys across down/up; delete
# .ssh/known_hosts with them.
SSH_MACHINES=(<#list domains as d>${esc.sh(d.machine)}<#sep> </#sep></#list>)

ssh_to() {  # ssh_to KEY MACHINE [ARGS]
  local key="$1" m="$2" inventory="$LAB/inventory/ssh_config" dir="$HERE/.ssh" known x
  shift 2
  need ssh
  known=0
  for x in "${r"${SSH_MACHINES[@]}"}"; do [ "$x" = "$m" ] && known=1; done
  [ "$known" = 1 ] || { echo "lab.sh: no machine '$m' in lab ${lab} (machines: ${r"${SSH_MACHINES[*]}"})" >&2; exit 2; }
  [ -f "$inventory" ] || { echo "lab.sh: $inventory is missing: generate the inventory target too" >&2; exit 1; }
  if [ -n "$key" ]; then
    [ -r "$key" ] || { echo "lab.sh: cannot read the key $key" >&2; exit 1; }
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

case "${r"${1:-}"}" in
  up) up ;;
  down) down ;;
  status) status ;;
  console) [ $# -eq 2 ] || { echo "usage: lab.sh console MACHINE" >&2; exit 2; }; console "$2" ;;
  ssh)
    shift
    key="${r"${LABFORGE_SSH_KEY:-}"}"
    if [ "${r"${1:-}"}" = -i ]; then
      [ $# -ge 2 ] || { echo "usage: lab.sh ssh [-i KEY] MACHINE [ARGS]" >&2; exit 2; }
      key="$2"; shift 2
    fi
    [ $# -ge 1 ] || { echo "usage: lab.sh ssh [-i KEY] MACHINE [ARGS]" >&2; exit 2; }
    ssh_to "$key" "$@" ;;
  *) echo "usage: lab.sh up|down|status|console MACHINE|ssh [-i KEY] MACHINE [ARGS]" >&2; exit 2 ;;
esac
