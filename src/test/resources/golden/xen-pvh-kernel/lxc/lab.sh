#!/usr/bin/env bash
# labforge: lab xen-pvh-kernel as classic LXC containers. Generated; edit the lab spec instead.
#
#   ./lab.sh up          make the bridges, each container's root file system (a copy of its
#                        image) and seed, then lxc-create and lxc-start every container
#   ./lab.sh up --wait [SECONDS]
#                        the same, then wait (default 600 s) until every machine has reported its
#                        in-guest checks
#   ./lab.sh down        stop and destroy this lab's containers (lxc-destroy deletes each one's
#                        folder: its root file system, seed and data folders), then delete the
#                        bridges that `up` made; nothing else
#   ./lab.sh status      the state and addresses of every container
#   ./lab.sh console M   the console of machine M (lxc-console; leave it with Ctrl-a q)
#   ./lab.sh attach M    a root login shell in machine M (lxc-attach)
#   ./lab.sh check       every machine's in-guest checks (lxc-attach M -- cat
#                        /var/lib/labforge/check.json): a table per machine; exit 0 only when
#                        every machine reported and no check failed
#
# Run as root with LXC 5.x (lxc-create, lxc-start, lxc-attach, ...), ip (iproute2) and tar.
# Each container lives in /var/lib/lxc/<container>: its config (from lxc/<machine>/config), its
# own copy of the root file system, its NoCloud seed (from ../cloud-init/<machine>/) and data
# folders; container and bridge names carry the lab's name (two labs may share a host).
#
# Environment:
#   LABFORGE_LXC_IMAGE_<image>   the root file system of spec image <image>: a folder, or a tarball
#                                of one (anything tar reads); copied into every container of that
#                                image. Unset: LXC's download template fetches it (needs the
#                                network). <image> is the image's name with every character other
#                                than a letter or digit as "_".
#   LABFORGE_LXC_IMAGE_debian_12 unset: lxc-create -t download -- -d debian -r bookworm -a amd64 --variant cloud
set -euo pipefail

LAB='xen-pvh-kernel'
LXC_PATH='/var/lib/lxc'
# The bridges `up` made (and so `down` deletes), one a line.
STATE='/run/labforge-lxc/xen-pvh-kernel.bridges'

# Bridges, one per lab network, and the host's address on each ("" when a machine owns the gateway).
BRIDGES=('xe-1bf85b8e3f63')
BRIDGE_ADDRESS=('10.62.0.1/24')

# Images: spec name, the variable naming a local root file system, the download template's names.
IMAGES=('debian-12')
IMAGE_VARIABLE=('LABFORGE_LXC_IMAGE_debian_12')
IMAGE_DIST=('debian')
IMAGE_RELEASE=('bookworm')
IMAGE_ARCH=('amd64')
IMAGE_VARIANT=('cloud')

# Machines: name, container, spec image, the seed folder (relative to the lab's output folder).
MACHINES=('web-1' 'web-2')
CONTAINERS=('xen--pvh--kernel-web-1' 'xen--pvh--kernel-web-2')
MACHINE_IMAGE=('debian-12' 'debian-12')
SEED_SOURCE=('cloud-init/web-1' 'cloud-init/web-2')

# Data folders (the machines' data disks), each with the index of its machine in MACHINES.
DISK_DIRS=()
DISK_MACHINE=()

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
# The part of lab.sh that is the same for every lab (templates/lxc/lab.sh.body).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(dirname "$HERE")"

need_root() {
  [[ $EUID -eq 0 ]] || die "run lab.sh as root: classic LXC containers, their bridges and $LXC_PATH need it"
}

# The state of container $1 as lxc-info says it (RUNNING, STOPPED, ...); empty when it does not exist.
state() {
  lxc-info -P "$LXC_PATH" -n "$1" -s 2>/dev/null | awk '$1 == "State:" { print $2; exit }'
}

defined() {  # defined CONTAINER: lxc-create wrote its config
  [[ -f $LXC_PATH/$1/config ]]
}

bridges_up() {
  local i br addrs
  mkdir -p "$(dirname "$STATE")"
  for i in "${!BRIDGES[@]}"; do
    br="${BRIDGES[$i]}"
    if ! ip link show dev "$br" >/dev/null 2>&1; then
      log "making bridge $br"
      ip link add name "$br" type bridge
      echo "$br" >>"$STATE"
    fi
    # not `ip ... | grep -q`: grep -q exits at the first match, and under pipefail ip's SIGPIPE fails
    addrs="$(ip -o addr show dev "$br")"
    if [[ -n ${BRIDGE_ADDRESS[$i]} && $addrs != *" ${BRIDGE_ADDRESS[$i]} "* ]]; then
      ip addr add "${BRIDGE_ADDRESS[$i]}" dev "$br"
    fi
    ip link set dev "$br" up
  done
}

# create I: container I's root file system (its own copy: lxc-destroy deletes it), then lxc-create
# with the machine's config, then its seed and data folders.
create() {
  local i="$1" n var src dir c
  c="${CONTAINERS[$i]}"
  dir="$LXC_PATH/$c"
  n="$(index_of "${MACHINE_IMAGE[$i]}" "${IMAGES[@]}")"
  var="${IMAGE_VARIABLE[$n]}"
  src="${!var:-}"
  [[ ! -e $dir ]] || die "$dir exists but holds no container config; move it away first"
  if [[ -z $src ]]; then
    log "creating $c with LXC's download template (${IMAGE_DIST[$n]} ${IMAGE_RELEASE[$n]} ${IMAGE_ARCH[$n]})"
    lxc-create -P "$LXC_PATH" -n "$c" -f "$HERE/${MACHINES[$i]}/config" -t download -- \
      -d "${IMAGE_DIST[$n]}" -r "${IMAGE_RELEASE[$n]}" -a "${IMAGE_ARCH[$n]}" --variant "${IMAGE_VARIANT[$n]}"
  else
    log "creating $c from $src"
    mkdir -p "$dir/rootfs"
    if [[ -d $src ]]; then
      cp -a "$src/." "$dir/rootfs/" || { rm -rf -- "$dir"; die "cannot copy $src"; }
    elif [[ -f $src ]]; then
      tar --numeric-owner --xattrs --xattrs-include='*' -xpf "$src" -C "$dir/rootfs" \
        || { rm -rf -- "$dir"; die "cannot unpack $src"; }
    else
      rm -rf -- "$dir"
      die "$var=$src: neither a folder nor a file"
    fi
    lxc-create -P "$LXC_PATH" -n "$c" -f "$HERE/${MACHINES[$i]}/config" -t none
  fi
  # LXC 5.0 reports a refused key and still exits 0: no config written means it refused the file.
  defined "$c" || { rm -rf -- "$dir"; die "lxc-create did not create $c (see its messages above)"; }
  install -d -m 0700 "$dir/seed"
  local f
  for f in meta-data user-data network-config vendor-data; do
    if [[ -f $OUT/${SEED_SOURCE[$i]}/$f ]]; then
      install -m 0600 "$OUT/${SEED_SOURCE[$i]}/$f" "$dir/seed/$f"
    fi
  done
  for n in "${!DISK_DIRS[@]}"; do
    if [[ ${DISK_MACHINE[$n]} == "$i" ]]; then
      mkdir -p "${DISK_DIRS[$n]}"
    fi
  done
}

up() {
  need_root
  need lxc-create "LXC 5.x (Debian: lxc)"
  need ip "iproute2"
  local i
  bridges_up
  for i in "${!CONTAINERS[@]}"; do
    defined "${CONTAINERS[$i]}" || create "$i"
    if [[ "$(state "${CONTAINERS[$i]}")" != RUNNING ]]; then
      log "starting ${CONTAINERS[$i]}"
      lxc-start -P "$LXC_PATH" -n "${CONTAINERS[$i]}"
    fi
  done
  status
}

cmd_down() {
  no_arguments "$@"
  need_root
  need lxc-destroy "LXC 5.x (Debian: lxc)"
  local i br
  for i in "${!CONTAINERS[@]}"; do
    if defined "${CONTAINERS[$i]}"; then
      if [[ "$(state "${CONTAINERS[$i]}")" != STOPPED ]]; then
        log "stopping ${CONTAINERS[$i]}"
        lxc-stop -P "$LXC_PATH" -n "${CONTAINERS[$i]}" -t 30 || lxc-stop -P "$LXC_PATH" -n "${CONTAINERS[$i]}" -k
      fi
      log "destroying ${CONTAINERS[$i]} (and its folder $LXC_PATH/${CONTAINERS[$i]})"
      lxc-destroy -P "$LXC_PATH" -n "${CONTAINERS[$i]}"
    fi
  done
  if [[ -f $STATE ]]; then
    while IFS= read -r br; do
      if [[ -n $br ]] && ip link show dev "$br" >/dev/null 2>&1; then
        log "deleting bridge $br"
        ip link delete "$br"
      fi
    done <"$STATE"
    rm -f -- "$STATE"
  fi
}

cmd_status() {
  no_arguments "$@"
  status
}

status() {
  local i st addresses
  printf '%-20s %-32s %-10s %s\n' MACHINE CONTAINER STATE IPV4
  for i in "${!CONTAINERS[@]}"; do
    st="$(state "${CONTAINERS[$i]}")"
    addresses=""
    if [[ $st == RUNNING ]]; then
      addresses="$(lxc-info -P "$LXC_PATH" -n "${CONTAINERS[$i]}" -iH 2>/dev/null | tr '\n' ' ')"
    fi
    printf '%-20s %-32s %-10s %s\n' "${MACHINES[$i]}" "${CONTAINERS[$i]}" "${st:-ABSENT}" "$addresses"
  done
}

# What machine $1 reported: the in-guest checks keep their report in /var/lib/labforge/check.json.
report() {
  local json
  command -v lxc-attach >/dev/null 2>&1 || { echo "lxc-attach is missing (install LXC 5.x)"; return 1; }
  [[ "$(state "${CONTAINERS[$1]}")" == RUNNING ]] || { echo "${CONTAINERS[$1]} is not running"; return 1; }
  # no file yet: no report yet
  json="$(lxc-attach -P "$LXC_PATH" -n "${CONTAINERS[$1]}" -- cat /var/lib/labforge/check.json 2>/dev/null)" || return 0
  printf 'labforge-check: %s\n' "${json//$'\n'/ }"
}

cmd_console() {
  [[ $# -eq 1 ]] || usage_error "console takes one machine"
  need lxc-console "LXC 5.x (Debian: lxc)"
  local i
  i="$(machine_index "$1")"
  exec lxc-console -P "$LXC_PATH" -n "${CONTAINERS[$i]}"
}

cmd_attach() {
  [[ $# -eq 1 ]] || usage_error "attach takes one machine"
  need lxc-attach "LXC 5.x (Debian: lxc)"
  local i
  i="$(machine_index "$1")"
  exec lxc-attach -P "$LXC_PATH" -n "${CONTAINERS[$i]}" -- su -l
}

lab_main "$@"
