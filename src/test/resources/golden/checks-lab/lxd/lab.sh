#!/usr/bin/env bash
# labforge: lab checks on LXD. Generated; edit the lab spec instead.
#
#   ./lab.sh up          apply preseed.yaml (storage pool, bridges, profiles), create the data
#                        volumes, then launch every machine with its own profile
#   ./lab.sh down        delete this lab's instances, volumes, profiles, networks and pool, and an
#                        image that `up` imported; nothing else
#   ./lab.sh status      the state and addresses of every machine
#   ./lab.sh shell M     a root login shell in machine M
#
# Machines are launched as containers (targets.lxd.type). Needs LXD 5.x: `lxd` (for
# `lxd init --preseed`) and `lxc`, as root or as a member of the lxd group.
#
# Environment:
#   LABFORGE_LXD_IMAGE_<image>   the LXD image for spec image <image>: an image LXD knows (alias,
#                                fingerprint or remote:alias), or a folder holding meta.tar and
#                                rootfs.tar.gz (or rootfs.img), or a unified image file; a folder or
#                                file is imported once as its IMAGE_ALIAS below
#                                and deleted by `down`.
#                                <image> is the image's name with every character other than a
#                                letter or digit as "_".
#   LABFORGE_LXD_IMAGE_debian_12 defaults to images:debian/12/cloud
#
# `up` is idempotent: what exists already is kept, so a second `up` only starts what is stopped.
set -euo pipefail

POOL='checks'
VM=false

# Images: spec name, overriding variable, default LXD image, alias of an imported image.
IMAGES=('debian-12')
IMAGE_VARIABLE=('LABFORGE_LXD_IMAGE_debian_12')
IMAGE_DEFAULT=('images:debian/12/cloud')
IMAGE_ALIAS=('checks-debian-12')

# Networks (LXD bridge names).
NETWORKS=('checks-lab')

# Machines: name, instance (and profile) name, spec image.
MACHINES=('grader')
INSTANCES=('checks-grader')
MACHINE_IMAGE=('debian-12')

# Custom volumes of the pool (the machines' data disks): name, size.
VOLUMES=()
VOLUME_SIZE=()

# The part of lab.sh that is the same for every lab (templates/lxd/lab.sh.body).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "lab.sh: $*" >&2; }
die() { log "$*"; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing (install LXD 5.x)"; }

index_of() {  # index_of NAME ARRAY...
  local name="$1" i=0 x; shift
  for x in "$@"; do
    [[ $x == "$name" ]] && { echo "$i"; return 0; }
    i=$((i + 1))
  done
  return 1
}

exists() {  # exists instance|profile|network|pool|volume|image NAME
  case $1 in
    instance) lxc info "$2" >/dev/null 2>&1 ;;
    profile) lxc profile show "$2" >/dev/null 2>&1 ;;
    network) lxc network show "$2" >/dev/null 2>&1 ;;
    pool) lxc storage show "$2" >/dev/null 2>&1 ;;
    volume) lxc storage volume show "$POOL" "$2" >/dev/null 2>&1 ;;
    image) lxc image show "$2" >/dev/null 2>&1 ;;
  esac
}

state() {  # the Status line of `lxc info`, e.g. RUNNING; empty when the instance does not exist
  lxc info "$1" 2>/dev/null | awk '$1 == "Status:" { print toupper($2); exit }'
}

# The alias under which `up` imports local image number $1, and `down` deletes it again.
imported_alias() { printf '%s' "${IMAGE_ALIAS[$1]}"; }

# The LXD image for spec image number $1: its variable if set (a local folder or file is
# imported once), else the default.
image_source() {
  local var="${IMAGE_VARIABLE[$1]}" src alias
  src="${!var:-}"
  if [[ -z $src ]]; then
    printf '%s' "${IMAGE_DEFAULT[$1]}"
    return 0
  fi
  if [[ ! -e $src ]]; then
    printf '%s' "$src"
    return 0
  fi
  alias="$(imported_alias "$1")"
  if ! exists image "$alias"; then
    log "importing $src as image $alias"
    if [[ -d $src && -f $src/rootfs.tar.gz ]]; then
      lxc image import "$src/meta.tar" "$src/rootfs.tar.gz" --alias "$alias" >&2
    elif [[ -d $src && -f $src/rootfs.img ]]; then
      lxc image import "$src/meta.tar" "$src/rootfs.img" --alias "$alias" >&2
    elif [[ -f $src ]]; then
      lxc image import "$src" --alias "$alias" >&2
    else
      die "$var=$src: a folder must hold meta.tar and rootfs.tar.gz or rootfs.img"
    fi
  fi
  printf '%s' "$alias"
}

up() {
  local i n source flags=()
  [[ $VM == true ]] && flags=(--vm)
  log "applying preseed.yaml (storage pool $POOL, ${#NETWORKS[@]} networks, ${#INSTANCES[@]} profiles)"
  lxd init --preseed <"$HERE/preseed.yaml"
  for i in "${!VOLUMES[@]}"; do
    exists volume "${VOLUMES[$i]}" \
      || lxc storage volume create "$POOL" "${VOLUMES[$i]}" size="${VOLUME_SIZE[$i]}" >/dev/null
  done
  local sources=()
  for i in "${!IMAGES[@]}"; do
    sources[i]="$(image_source "$i")"
  done
  for i in "${!INSTANCES[@]}"; do
    if ! exists instance "${INSTANCES[$i]}"; then
      n="$(index_of "${MACHINE_IMAGE[$i]}" "${IMAGES[@]}")"
      source="${sources[$n]}"
      log "creating ${MACHINES[$i]} as ${INSTANCES[$i]} from $source"
      lxc init "$source" "${INSTANCES[$i]}" --profile "${INSTANCES[$i]}" "${flags[@]}" >/dev/null
    fi
    if [[ "$(state "${INSTANCES[$i]}")" != RUNNING ]]; then
      log "starting ${INSTANCES[$i]}"
      lxc start "${INSTANCES[$i]}"
    fi
  done
  status
}

down() {
  local i
  for i in "${!INSTANCES[@]}"; do
    if exists instance "${INSTANCES[$i]}"; then
      log "deleting instance ${INSTANCES[$i]}"
      lxc delete --force "${INSTANCES[$i]}"
    fi
  done
  # Profiles before volumes: LXD counts a profile's disk device as a use of its volume.
  for i in "${!INSTANCES[@]}"; do
    if exists profile "${INSTANCES[$i]}"; then
      log "deleting profile ${INSTANCES[$i]}"
      lxc profile delete "${INSTANCES[$i]}"
    fi
  done
  for i in "${!VOLUMES[@]}"; do
    if exists volume "${VOLUMES[$i]}"; then
      log "deleting volume ${VOLUMES[$i]}"
      lxc storage volume delete "$POOL" "${VOLUMES[$i]}"
    fi
  done
  for i in "${!NETWORKS[@]}"; do
    if exists network "${NETWORKS[$i]}"; then
      log "deleting network ${NETWORKS[$i]}"
      lxc network delete "${NETWORKS[$i]}"
    fi
  done
  if exists pool "$POOL"; then
    log "deleting storage pool $POOL"
    lxc storage delete "$POOL"
  fi
  for i in "${!IMAGES[@]}"; do
    if exists image "$(imported_alias "$i")"; then
      log "deleting image $(imported_alias "$i")"
      lxc image delete "$(imported_alias "$i")"
    fi
  done
}

status() {
  local i st addresses
  printf '%-20s %-32s %-10s %s\n' MACHINE INSTANCE STATE IPV4
  for i in "${!INSTANCES[@]}"; do
    st="$(state "${INSTANCES[$i]}")"
    addresses=""
    if [[ $st == RUNNING ]]; then
      # One CSV field; several addresses come quoted, one per line.
      addresses="$(lxc list "^${INSTANCES[$i]}\$" --format csv -c 4 | tr -d '"' | tr '\n' ' ')"
    fi
    printf '%-20s %-32s %-10s %s\n' "${MACHINES[$i]}" "${INSTANCES[$i]}" "${st:-ABSENT}" "$addresses"
  done
}

shell() {
  local i
  i="$(index_of "$1" "${MACHINES[@]}")" || die "no machine $1 (machines: ${MACHINES[*]})"
  exec lxc exec "${INSTANCES[$i]}" -- su -l
}

usage() {
  echo "usage: $0 up | down | status | shell MACHINE" >&2
  exit 2
}

need lxc
case "${1:-}" in
  up) [[ $# -eq 1 ]] || usage; need lxd; up ;;
  down) [[ $# -eq 1 ]] || usage; down ;;
  status) [[ $# -eq 1 ]] || usage; status ;;
  shell) [[ $# -eq 2 ]] || usage; shell "$2" ;;
  *) usage ;;
esac
