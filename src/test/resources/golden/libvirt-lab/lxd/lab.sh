#!/usr/bin/env bash
# labforge: lab lvlab on LXD. Generated; edit the lab spec instead.
#
#   ./lab.sh up          apply preseed.yaml (storage pool, bridges, profiles), create the data
#                        volumes, then launch every machine with its own profile
#   ./lab.sh down        delete this lab's instances, volumes, profiles, networks and pool, and an
#                        image that `up` imported; nothing else
#   ./lab.sh up --wait [SECONDS]
#                        the same, then wait (default 600 s) until every machine has reported its
#                        in-guest checks
#   ./lab.sh status      the state and addresses of every machine
#   ./lab.sh check       every machine's in-guest checks (lxc exec M -- cat
#                        /var/lib/labforge/check.json): a table per machine; exit 0 only when
#                        every machine reported and no check failed
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

LAB='lvlab'
POOL='lvlab'
VM=false

# Images: spec name, overriding variable, default LXD image, alias of an imported image.
IMAGES=('debian-12')
IMAGE_VARIABLE=('LABFORGE_LXD_IMAGE_debian_12')
IMAGE_DEFAULT=('images:debian/12/cloud')
IMAGE_ALIAS=('lvlab-debian-12')

# Networks (LXD bridge names).
NETWORKS=('lvlab-front' 'lvlab-back')

# Machines: name, instance (and profile) name, spec image.
MACHINES=('gw' 'web' 'db')
INSTANCES=('lvlab-gw' 'lvlab-web' 'lvlab-db')
MACHINE_IMAGE=('debian-12' 'debian-12' 'debian-12')

# Custom volumes of the pool (the machines' data disks): name, size.
VOLUMES=('lvlab-gw-data')
VOLUME_SIZE=('1GiB')

# The shell library of every lab.sh (templates/include/lab-lib.sh), the same in every target.
# Bash 4 or later, as lab.sh itself (arrays, ${!name}); checked once by shellcheck and bash -n.
#
# What the including lab.sh provides, before this part:
#   line 2          one line that says what the script is; line 3 "#"; from line 4 the subcommands,
#                   one "#   ./lab.sh NAME ..." entry each, ended by a line "#" (usage prints them)
#   LAB             the lab's name
#   MACHINES        the machines' names, in the spec's order
# and after it:
#   up              starts the lab; `lab.sh up [--wait [SECONDS]]` runs it, then waits for the reports
#   report I        prints what machine I (index in MACHINES) has reported so far: text whose last
#                   line starting with "labforge-check: " is the report (none yet: no such line);
#                   when it cannot look, it prints why and returns 1
#   cmd_NAME        one function per other subcommand NAME, given the remaining arguments
#   lab_main "$@"   the last line: runs the subcommand

log() { echo "lab.sh: $*" >&2; }
die() { log "$*"; exit 1; }
need() {  # need TOOL PACKAGE
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing (install $2)"
}

index_of() {  # index_of NAME ARRAY...: prints the index of NAME in the array, or returns 1
  local name="$1" i=0 x
  shift
  for x in "$@"; do
    [[ $x == "$name" ]] && { echo "$i"; return 0; }
    i=$((i + 1))
  done
  return 1
}

# The subcommand list at the top of lab.sh, which is also its documentation.
lab_usage() {
  echo "usage:"
  sed -n '4,${/^#$/q;s/^# //p}' "${BASH_SOURCE[0]}"
}

usage_error() {  # usage_error MESSAGE: a wrong command line, exit 2
  log "$*"
  lab_usage >&2
  exit 2
}

no_arguments() {  # no_arguments "$@" of a subcommand that takes none
  [[ $# -eq 0 ]] || usage_error "unexpected argument '$1'"
}

machine_index() {  # machine_index NAME: prints the index of machine NAME, or exits 2
  index_of "${1:-}" "${MACHINES[@]}" && return 0
  log "no machine '${1:-}' in lab $LAB (machines: ${MACHINES[*]})"
  exit 2
}

lab_main() {
  local sub="${1:-}"
  case $sub in
    help | -h | --help) lab_usage; exit 0 ;;
    "") usage_error "a subcommand is missing" ;;
  esac
  declare -F "cmd_$sub" >/dev/null || usage_error "no subcommand '$sub'"
  shift
  "cmd_$sub" "$@"
}

cmd_up() {
  local wait=""
  if [[ ${1:-} == --wait ]]; then
    wait=600
    shift
    if [[ $# -gt 0 ]]; then
      [[ $1 =~ ^[0-9]+$ ]] || usage_error "--wait takes a number of seconds, not '$1'"
      wait="$1"
      shift
    fi
  fi
  no_arguments "$@"
  up
  [[ -z $wait ]] || wait_for_reports "$wait"
}

cmd_check() {
  no_arguments "$@"
  reports check
}

# The in-guest checks' reports (the guest prints one console line "labforge-check: {json}" and
# keeps it in /var/lib/labforge/check.json). JSON is read by python3, which a virtualization host
# has (jq is often missing); the format: {"machine", "lab", "checks": [{"name", "status", "detail"}]}.
# reports check: prints a table per machine; 0 when every machine reported and no check failed.
# reports missing: prints the machines that have not reported yet, one a line.
reports() {
  local mode="$1" dir i status=0
  need python3 python3
  dir="$(mktemp -d)"
  for i in "${!MACHINES[@]}"; do
    if report "$i" >"$dir/$i" 2>&1; then
      : >"$dir/$i.ok"
    fi
  done
  python3 - "$mode" "$dir" "$LAB" "${MACHINES[@]}" <<'PYTHON' || status=$?
import json, os, sys

mode, folder, lab, machines = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
PREFIX = "labforge-check: "

def shown(text):
    # a guest's text on the host's terminal: no control characters, one line
    return "".join(c if c.isprintable() else "\\x%02x" % ord(c) if ord(c) < 256 else "\\u%04x" % ord(c) for c in str(text))

def read(i, name):
    """(report, problem): the machine's last report, or why there is none (missing: no report yet)."""
    with open(os.path.join(folder, str(i)), encoding="utf-8", errors="replace") as f:
        text = f.read()
    if not os.path.exists(os.path.join(folder, "%d.ok" % i)):
        return None, ("missing", "no report: " + shown(text.strip().splitlines()[-1] if text.strip() else "cannot read it"))
    lines = [l.replace("\r", "") for l in text.split("\n")[:-1]]  # only complete lines
    # the report starts its own line, but a console may hold a prompt before it
    found = [l[l.index(PREFIX + "{") + len(PREFIX):] for l in lines if PREFIX + "{" in l]
    if not found:
        return None, ("missing", "no report yet: no labforge-check line so far")
    line = found[-1]
    try:
        report = json.loads(line)
    except ValueError as e:
        return None, ("malformed", "malformed report (%s): %s" % (e, shown(line[:120])))
    checks = report.get("checks") if isinstance(report, dict) else None
    if not isinstance(checks, list) or not all(
            isinstance(c, dict) and isinstance(c.get("name"), str) and c.get("status") in ("pass", "fail", "skip")
            and isinstance(c.get("detail", ""), str) for c in checks):
        return None, ("malformed", "malformed report (not {\"checks\": [{\"name\", \"status\": pass|fail|skip, \"detail\"}]}): "
                      + shown(line[:120]))
    if report.get("machine") != name:
        return None, ("malformed", "the report is machine %s's, not %s's" % (shown(json.dumps(report.get("machine"))), name))
    return report, None

results = [(name,) + read(i, name) for i, name in enumerate(machines)]
if mode == "missing":
    for name, report, problem in results:
        if problem and problem[0] == "missing":
            print(name)
    sys.exit(0)

failed = []
for name, report, problem in results:
    if problem:
        print("%s: %s" % (name, problem[1]))
        failed.append("%s (%s)" % (name, "no report" if problem[0] == "missing" else "malformed report"))
        continue
    checks = report["checks"]
    bad = [c for c in checks if c["status"] == "fail"]
    print("%s: %d checks, %d failed" % (name, len(checks), len(bad)))
    width = max([len(shown(c["name"])) for c in checks] + [5])
    print("  %-6s %-*s  %s" % ("STATUS", width, "CHECK", "DETAIL"))
    for c in checks:
        row = "  %-6s %-*s  %s" % (c["status"], width, shown(c["name"]), shown(c.get("detail", "")))
        print(row.rstrip())
    if bad:
        failed.append("%s (%s)" % (name, ", ".join(shown(c["name"]) for c in bad)))
sys.stdout.flush()
if failed:
    sys.stderr.write("lab.sh: check failed: %s\n" % "; ".join(failed))
    sys.exit(1)
sys.stderr.write("lab.sh: every check of %d machines passed\n" % len(machines))
PYTHON
  rm -rf "$dir"
  return "$status"
}

wait_for_reports() {  # wait_for_reports SECONDS: until every machine has reported, at most SECONDS
  local limit="$1" start="$SECONDS" missing
  need python3 python3
  log "waiting up to $limit s for every machine's labforge-check report"
  while :; do
    missing="$(reports missing)"
    if [[ -z $missing ]]; then
      log "every machine has reported after $((SECONDS - start)) s; ./lab.sh check shows the results"
      return 0
    fi
    if (( SECONDS - start >= limit )); then
      die "no report after $limit s from: ${missing//$'\n'/, } (./lab.sh check says why)"
    fi
    sleep "$(( limit - (SECONDS - start) < 5 ? limit - (SECONDS - start) : 5 ))"
  done
}
# The part of lab.sh that is the same for every lab (templates/lxd/lab.sh.body).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

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
  need lxc "LXD 5.x"
  need lxd "LXD 5.x"
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

cmd_down() {
  no_arguments "$@"
  need lxc "LXD 5.x"
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

cmd_status() {
  no_arguments "$@"
  status
}

status() {
  need lxc "LXD 5.x"
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

# What machine $1 reported: the in-guest checks keep their report in /var/lib/labforge/check.json.
report() {
  local json
  command -v lxc >/dev/null 2>&1 || { echo "lxc is missing (install LXD 5.x)"; return 1; }
  [[ "$(state "${INSTANCES[$1]}")" == RUNNING ]] || { echo "${INSTANCES[$1]} is not running"; return 1; }
  # no file yet: no report yet
  json="$(lxc exec "${INSTANCES[$1]}" -- cat /var/lib/labforge/check.json 2>/dev/null)" || return 0
  printf 'labforge-check: %s\n' "${json//$'\n'/ }"
}

cmd_shell() {
  [[ $# -eq 1 ]] || usage_error "shell takes one machine"
  need lxc "LXD 5.x"
  local i
  i="$(machine_index "$1")"
  exec lxc exec "${INSTANCES[$i]}" -- su -l
}

lab_main "$@"
