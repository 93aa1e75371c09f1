#!/usr/bin/env bash
# Xen domains of lab seed-edges, written by labforge. Run as root on a Xen dom0 with xl, qemu-img
# (qemu-utils) and ip (iproute2):
#   lab.sh up           bridges, disks, seeds, then xl create every machine that is not running
#   lab.sh down         xl shutdown every machine (xl destroy after 60 s), then remove the bridges
#   lab.sh status       the lab's domains and bridges
#   lab.sh console M    xl console of machine M
# Domain names carry the lab's name (two labs may share dom0): DOMAINS below, in machine order.
# Disks live in /var/lib/xen/images/seed-edges and survive down/up; remove them to start over.
# Each root disk is a qcow2 overlay on the base image of its machine, which you provide once:
#   /var/lib/xen/images/seed-edges/base/rocky-9.qcow2  (image rocky-9: its Packer build, or https://dl.rockylinux.org/pub/rocky/9/images/x86_64/Rocky-9-GenericCloud.latest.x86_64.qcow2)
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
LAB=$(dirname -- "$HERE")
MACHINES=(edge-1 edge-2)
DOMAINS=('seed--edges-edge-1' 'seed--edges-edge-2')
BRIDGES=(lf-3b5fba8635b3 lf-fd73f0f1ce19)

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
  if [ -n "${2:-}" ] && [[ "$addrs" != *" $2 "* ]]; then
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
  bridge lf-3b5fba8635b3 '10.20.0.1/24'
  bridge lf-fd73f0f1ce19 '10.30.0.14/28'
  base '/var/lib/xen/images/seed-edges/base/rocky-9.qcow2'
  if ! running 'seed--edges-edge-1'; then
    mkdir -p -- '/var/lib/xen/images/seed-edges/edge-1'
    overlay '/var/lib/xen/images/seed-edges/base/rocky-9.qcow2' '/var/lib/xen/images/seed-edges/edge-1/root.qcow2' 10240M
    blank '/var/lib/xen/images/seed-edges/edge-1/data-scratch.qcow2' 2048M
    blank '/var/lib/xen/images/seed-edges/edge-1/data-database-files.qcow2' 4096M
    cp -- "$LAB"/'cloud-init/edge-1/nocloud.iso' '/var/lib/xen/images/seed-edges/edge-1/nocloud.iso'
    xl create "$HERE/edge-1.cfg"
  fi
  if ! running 'seed--edges-edge-2'; then
    mkdir -p -- '/var/lib/xen/images/seed-edges/edge-2'
    overlay '/var/lib/xen/images/seed-edges/base/rocky-9.qcow2' '/var/lib/xen/images/seed-edges/edge-2/root.qcow2' 10240M
    blank '/var/lib/xen/images/seed-edges/edge-2/data-scratch.qcow2' 2048M
    blank '/var/lib/xen/images/seed-edges/edge-2/data-database-files.qcow2' 4096M
    cp -- "$LAB"/'cloud-init/edge-2/nocloud.iso' '/var/lib/xen/images/seed-edges/edge-2/nocloud.iso'
    xl create "$HERE/edge-2.cfg"
  fi
}

down() {
  need xl ip
  local d br
  for d in "${DOMAINS[@]}"; do
    if running "$d"; then
      timeout 60 xl shutdown -w "$d" || xl destroy "$d"
    fi
  done
  for br in "${BRIDGES[@]}"; do
    if ip link show dev "$br" >/dev/null 2>&1 && [ -z "$(ls -A "/sys/class/net/$br/brif")" ]; then
      ip link delete dev "$br" type bridge
    fi
  done
}

status() {
  need xl ip
  local i br
  for i in "${!MACHINES[@]}"; do
    if running "${DOMAINS[$i]}"; then
      xl list "${DOMAINS[$i]}" | tail -n +2
    else
      echo "${MACHINES[$i]} not running"
    fi
  done
  for br in "${BRIDGES[@]}"; do
    ip -br link show dev "$br" 2>/dev/null || echo "$br absent"
  done
}

console() {
  need xl
  local i
  for i in "${!MACHINES[@]}"; do
    if [ "${MACHINES[$i]}" = "$1" ]; then
      exec xl console "${DOMAINS[$i]}"
    fi
  done
  echo "lab.sh: no machine '$1' in lab seed-edges (machines: ${MACHINES[*]})" >&2
  exit 2
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  console) [ $# -eq 2 ] || { echo "usage: lab.sh console MACHINE" >&2; exit 2; }; console "$2" ;;
  *) echo "usage: lab.sh up|down|status|console MACHINE" >&2; exit 2 ;;
esac
