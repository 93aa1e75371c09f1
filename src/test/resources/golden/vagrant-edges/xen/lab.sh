#!/usr/bin/env bash
# labforge: Xen domains of lab vagrant-edges. Generated; edit the lab spec instead.
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
# Disks live in /var/lib/xen/images/vagrant-edges and survive down/up; remove them to start over.
# Each root disk is a qcow2 overlay on the base image of its machine, which you provide once:
#   /var/lib/xen/images/vagrant-edges/base/rocky-9.qcow2  (image rocky-9: its Packer build, or https://dl.rockylinux.org/pub/rocky/9/images/x86_64/Rocky-9-GenericCloud.latest.x86_64.qcow2)
set -euo pipefail

LAB='vagrant-edges'
HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
OUT=$(dirname -- "$HERE")
CONSOLE_LOGS=${LABFORGE_XEN_CONSOLE_LOGS:-/var/log/xen/console}
MACHINES=('store' 'edge-1' 'edge-2')
DOMAINS=('vagrant--edges-store' 'vagrant--edges-edge-1' 'vagrant--edges-edge-2')
BRIDGES=(va-6ec33cef1be9 va-4d089d9f224d va-56f7589e4a51)

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
  bridge va-6ec33cef1be9 '10.20.0.1/24'
  bridge va-4d089d9f224d '192.168.100.1/24'
  bridge va-56f7589e4a51 '172.31.5.1/28'
  base '/var/lib/xen/images/vagrant-edges/base/rocky-9.qcow2'
  if ! running 'vagrant--edges-store'; then
    mkdir -p -- '/var/lib/xen/images/vagrant-edges/store'
    overlay '/var/lib/xen/images/vagrant-edges/base/rocky-9.qcow2' '/var/lib/xen/images/vagrant-edges/store/root.qcow2' 10240M
    blank '/var/lib/xen/images/vagrant-edges/store/data-raw.qcow2' 1536M
    blank '/var/lib/xen/images/vagrant-edges/store/data-bulk.qcow2' 2048M
    cp -- "$OUT"/'cloud-init/store/nocloud.iso' '/var/lib/xen/images/vagrant-edges/store/nocloud.iso'
    fresh_log 'vagrant--edges-store'
    xl create "$HERE/store.cfg"
  fi
  if ! running 'vagrant--edges-edge-1'; then
    mkdir -p -- '/var/lib/xen/images/vagrant-edges/edge-1'
    overlay '/var/lib/xen/images/vagrant-edges/base/rocky-9.qcow2' '/var/lib/xen/images/vagrant-edges/edge-1/root.qcow2' 10240M
    cp -- "$OUT"/'cloud-init/edge-1/nocloud.iso' '/var/lib/xen/images/vagrant-edges/edge-1/nocloud.iso'
    fresh_log 'vagrant--edges-edge-1'
    xl create "$HERE/edge-1.cfg"
  fi
  if ! running 'vagrant--edges-edge-2'; then
    mkdir -p -- '/var/lib/xen/images/vagrant-edges/edge-2'
    overlay '/var/lib/xen/images/vagrant-edges/base/rocky-9.qcow2' '/var/lib/xen/images/vagrant-edges/edge-2/root.qcow2' 10240M
    cp -- "$OUT"/'cloud-init/edge-2/nocloud.iso' '/var/lib/xen/images/vagrant-edges/edge-2/nocloud.iso'
    fresh_log 'vagrant--edges-edge-2'
    xl create "$HERE/edge-2.cfg"
  fi
}

cmd_down() {
  no_arguments "$@"
  need xl xen-utils
  need ip iproute2
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

cmd_status() {
  no_arguments "$@"
  need xl xen-utils
  need ip iproute2
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

# fresh_log DOMAIN: this boot's console log only, so that a report is never an earlier boot's
# (xenconsoled appends to the log of a domain name).
fresh_log() {
  if [ -f "$CONSOLE_LOGS/guest-$1.log" ]; then
    : >"$CONSOLE_LOGS/guest-$1.log"
  fi
}

# What machine $1 printed on its console, as xenconsoled logged it.
report() {
  local log="$CONSOLE_LOGS/guest-${DOMAINS[$1]}.log"
  [ -f "$log" ] || { echo "no console log $log (is ${DOMAINS[$1]} running, and xenconsoled started with --log=guest?)"; return 1; }
  cat -- "$log"
}

cmd_console() {
  [ $# -eq 1 ] || usage_error "console takes one machine"
  need xl xen-utils
  local i
  i="$(machine_index "$1")"
  exec xl console "${DOMAINS[$i]}"
}

# The ssh config `lab.sh ssh` runs with: the inventory's ssh_config (addresses, users, jumps), this
# lab's own known_hosts (accept-new), and the key for every hop: ssh hands -i and -o to the last hop
# only, but -F to each jump too. The disks keep their host keys across down/up; delete
# .ssh/known_hosts with them.
cmd_ssh() {
  local key="${LABFORGE_SSH_KEY:-}" m inventory="$OUT/inventory/ssh_config" dir="$HERE/.ssh"
  if [ "${1:-}" = -i ]; then
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
    printf '  UserKnownHostsFile "%s"\n' "${dir//%/%%}/known_hosts"
    printf '  StrictHostKeyChecking accept-new\n'
    if [ -n "$key" ]; then printf '  IdentityFile "%s"\n' "${key//%/%%}"; fi
  } >"$dir/config"
  exec ssh -F "$dir/config" "$m" "$@"
}

lab_main "$@"
