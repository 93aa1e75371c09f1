#!/usr/bin/env bash
# labforge: lab lxd-lab on libvirt. Generated; edit the lab spec instead.
#
#   ./lab.sh up [--wait [SECONDS]]
#                          fetch the images, create the disks, define and start networks and
#                          domains; with --wait, then wait (default 600 s) until every machine has
#                          reported its in-guest checks
#   ./lab.sh down          destroy and undefine them and delete the disks; nothing else
#   ./lab.sh status        the state of every network and domain of the lab
#   ./lab.sh check         every machine's in-guest checks, from its console log: a table per
#                          machine; exit 0 only when every machine reported and no check failed
#   ./lab.sh console M     the serial console of machine M (leave it with Ctrl+])
#   ./lab.sh ssh [-i KEY] M [ARGS]
#                          ssh to machine M through ../inventory/ssh_config (its login user, an
#                          address the host reaches or a jump through a machine that does), with
#                          the key KEY (default $LABFORGE_SSH_KEY) on every hop; host keys are
#                          accepted on first contact and kept in .ssh/known_hosts next to lab.sh
#
# Environment:
#   LIBVIRT_DEFAULT_URI     the libvirt connection (default qemu:///system)
#   LABFORGE_POOL           folder for disks and seeds (default /var/lib/libvirt/images/labforge); libvirt's QEMU
#                           user (libvirt-qemu on Debian) must be able to reach it
#   LABFORGE_CACHE          downloaded images (default $LABFORGE_POOL/cache), kept by `down`
#   LABFORGE_SSH_KEY        the private key `ssh` uses unless -i names one
#   LABFORGE_IMAGE_<image>  a local image file instead of the download, e.g. Packer's artifact
#   LABFORGE_KERNEL_<image>, LABFORGE_INITRD_<image>, LABFORGE_CMDLINE_<image>
#                           direct kernel boot, for an image without a boot loader; the command
#                           line defaults to "root=/dev/vda rw console=ttyS0"
# <image> is the image's name with every character other than a letter or digit as "_",
# e.g. LABFORGE_IMAGE_debian_12=./output/debian-12.qcow2.
#
# `up` is idempotent: what exists already is left as it is, so a second `up` changes nothing.
set -euo pipefail

LAB='lxd-lab'
DEFAULT_POOL='/var/lib/libvirt/images/labforge'
DEFAULT_CMDLINE='root=/dev/vda rw console=ttyS0'

# Images: name, source URL, checksum (none, ALGO:HEX or file:URL), format.
IMAGES=('debian-12')
IMAGE_URL=('https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2')
IMAGE_CHECKSUM=('none')
IMAGE_FORMAT=('qcow2')

# Networks: libvirt name, XML file.
NETWORKS=('lxd--lab-containers' 'lxd--lab-swarm')
NETWORK_XML=('networks/containers.xml' 'networks/swarm.xml')

# Machines: name, libvirt domain, XML file, image, root disk MiB, first fixed address (none: DHCP).
MACHINES=('lxd' 'swarm-1' 'swarm-2' 'k8s')
DOMAINS=('lxd--lab-lxd' 'lxd--lab-swarm-1' 'lxd--lab-swarm-2' 'lxd--lab-k8s')
DOMAIN_XML=('domains/lxd.xml' 'domains/swarm-1.xml' 'domains/swarm-2.xml' 'domains/k8s.xml')
MACHINE_IMAGE=('debian-12' 'debian-12' 'debian-12' 'debian-12')
ROOT_MIB=(4096 4096 4096 4096)
SSH_HOST=('172.20.0.10' '172.20.0.11' '172.20.0.12' '172.20.0.13')

# Data disks: file name in the lab folder, MiB.
DISK_FILE=('lxd.pool.qcow2')
DISK_MIB=(1024)

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
# The part of lab.sh that is the same for every lab (templates/libvirt/lab.sh.body).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(dirname "$HERE")"
POOL="${LABFORGE_POOL:-$DEFAULT_POOL}"
POOL="${POOL%/}"
CACHE="${LABFORGE_CACHE:-$POOL/cache}"
LABDIR="$POOL/$LAB"
export LIBVIRT_DEFAULT_URI="${LIBVIRT_DEFAULT_URI:-qemu:///system}"
umask 022

# LABFORGE_<WHAT>_<image>, e.g. setting KERNEL debian-12 reads LABFORGE_KERNEL_debian_12.
setting() {
  local var="LABFORGE_$1_${2//[^A-Za-z0-9]/_}"
  printf '%s' "${!var:-}"
}

xml_escape() {
  local s="$1"
  s="${s//&/&amp;}"; s="${s//</&lt;}"; s="${s//>/&gt;}"; s="${s//\'/&apos;}"; s="${s//\"/&quot;}"
  printf '%s' "$s"
}

download() {  # download URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fL --retry 3 -o "$2" "$1"
  else
    need wget "curl or wget"
    wget -O "$2" "$1"
  fi
}

verify() {  # verify FILE CHECKSUM URL
  local file="$1" checksum="$2" url="$3" algo want list have
  case $checksum in
    none) log "no checksum for $url; not verified"; return 0 ;;
    file:*)
      list="$(mktemp)"
      download "${checksum#file:}" "$list"
      want="$(awk -v f="${url##*/}" '$2 == f || $2 == "*" f { print $1; exit }' "$list")"
      rm -f "$list"
      [[ -n $want ]] || die "${checksum#file:} lists no ${url##*/}"
      case ${#want} in 32) algo=md5 ;; 40) algo=sha1 ;; 64) algo=sha256 ;; *) algo=sha512 ;; esac ;;
    *:*) algo="${checksum%%:*}"; want="${checksum#*:}" ;;
    *) die "unknown checksum $checksum" ;;
  esac
  have="$("${algo}sum" "$file" | cut -d' ' -f1)"
  [[ ${have,,} == "${want,,}" ]] || die "$file: $algo is $have, expected $want"
}

# The backing file of image I: LABFORGE_IMAGE_<name>, copied into the lab folder so that QEMU may
# read it, or the source URL downloaded once into the cache and verified.
base_image() {
  local i="$1" name="${IMAGES[$1]}" local_file file
  local_file="$(setting IMAGE "$name")"
  if [[ -n $local_file ]]; then
    file="$LABDIR/images/$name.qcow2"
    [[ -f $file ]] || { log "copying $local_file"; install -D -m 0644 "$local_file" "$file"; }
  else
    [[ ${IMAGE_FORMAT[$i]} == qcow2 ]] \
      || die "image $name is an installer ISO: build it with Packer, then set LABFORGE_IMAGE_${name//[^A-Za-z0-9]/_}"
    file="$CACHE/$name-$(printf '%s' "${IMAGE_URL[$i]}" | sha256sum | cut -c1-12).qcow2"
    if [[ ! -f $file ]]; then
      install -d -m 0755 "$CACHE"
      log "downloading ${IMAGE_URL[$i]}"
      download "${IMAGE_URL[$i]}" "$file.part"
      verify "$file.part" "${IMAGE_CHECKSUM[$i]}" "${IMAGE_URL[$i]}"
      chmod 0644 "$file.part"
      mv "$file.part" "$file"
    fi
  fi
  printf '%s' "$file"
}

virtual_mib() {
  qemu-img info --output=json "$1" | sed -n 's/.*"virtual-size": *\([0-9]*\).*/\1/p' | head -n1 | awk '{ print int(($1 + 1048575) / 1048576) }'
}

# The domain XML as defined: disk paths moved to $POOL, and the kernel, initrd and command line
# of a direct kernel boot in place of <boot dev='hd'/> when LABFORGE_KERNEL_<image> is set.
domain_xml() {  # domain_xml MACHINE_INDEX
  local i="$1" image="${MACHINE_IMAGE[$1]}" kernel initrd cmdline
  kernel="$(setting KERNEL "$image")"
  initrd="$(setting INITRD "$image")"
  cmdline="$(setting CMDLINE "$image")"
  if [[ -n $kernel ]]; then
    install -D -m 0644 "$kernel" "$LABDIR/images/$image.kernel"
    kernel="$LABDIR/images/$image.kernel"
    if [[ -n $initrd ]]; then
      install -D -m 0644 "$initrd" "$LABDIR/images/$image.initrd"
      initrd="$LABDIR/images/$image.initrd"
    fi
    cmdline="${cmdline:-$DEFAULT_CMDLINE}"
  fi
  OLD="'$DEFAULT_POOL/" NEW="'$(xml_escape "$POOL")/" KERNEL="$(xml_escape "$kernel")" \
    INITRD="$(xml_escape "$initrd")" CMDLINE="$(xml_escape "$cmdline")" awk '
    function moved(s,   out, at) {
      if (ENVIRON["OLD"] == ENVIRON["NEW"]) return s
      out = ""
      while ((at = index(s, ENVIRON["OLD"])) > 0) {
        out = out substr(s, 1, at - 1) ENVIRON["NEW"]
        s = substr(s, at + length(ENVIRON["OLD"]))
      }
      return out s
    }
    ENVIRON["KERNEL"] != "" && $0 ~ /^ *<boot dev=.hd.\/>$/ {
      pad = $0; sub(/<.*/, "", pad)
      print pad "<kernel>" ENVIRON["KERNEL"] "</kernel>"
      if (ENVIRON["INITRD"] != "") print pad "<initrd>" ENVIRON["INITRD"] "</initrd>"
      print pad "<cmdline>" ENVIRON["CMDLINE"] "</cmdline>"
      next
    }
    { print moved($0) }' "$HERE/${DOMAIN_XML[$i]}"
}

exists() { virsh "$1" "$2" >/dev/null 2>&1; }

up() {
  need virsh "libvirt-clients"
  need qemu-img "qemu-utils"
  install -d -m 0755 "$POOL" "$LABDIR"
  local i m base size xml
  for i in "${!MACHINES[@]}"; do
    m="${MACHINES[$i]}"
    [[ -f $OUT/cloud-init/$m/nocloud.iso ]] || die "$OUT/cloud-init/$m/nocloud.iso is missing: generate the cloud-init target too"
    if [[ ! -f $LABDIR/$m.qcow2 ]]; then
      base="$(base_image "$(index_of "${MACHINE_IMAGE[$i]}" "${IMAGES[@]}")")"
      size="${ROOT_MIB[$i]}"
      (( size >= $(virtual_mib "$base") )) || size="$(virtual_mib "$base")"
      qemu-img create -q -f qcow2 -F qcow2 -b "$base" "$LABDIR/$m.qcow2" "${size}M"
      chmod 0644 "$LABDIR/$m.qcow2"
    fi
    cmp -s "$OUT/cloud-init/$m/nocloud.iso" "$LABDIR/$m.seed.iso" \
      || install -m 0644 "$OUT/cloud-init/$m/nocloud.iso" "$LABDIR/$m.seed.iso"
  done
  for i in "${!DISK_FILE[@]}"; do
    if [[ ! -f $LABDIR/${DISK_FILE[$i]} ]]; then
      qemu-img create -q -f qcow2 "$LABDIR/${DISK_FILE[$i]}" "${DISK_MIB[$i]}M"
      chmod 0644 "$LABDIR/${DISK_FILE[$i]}"
    fi
  done
  for i in "${!NETWORKS[@]}"; do
    exists net-info "${NETWORKS[$i]}" || virsh -q net-define "$HERE/${NETWORK_XML[$i]}" >/dev/null
    if [[ "$(virsh net-info "${NETWORKS[$i]}" | awk '$1 == "Active:" { print $2 }')" != yes ]]; then
      virsh -q net-start "${NETWORKS[$i]}" >/dev/null
      log "network ${NETWORKS[$i]} started"
    fi
  done
  for i in "${!DOMAINS[@]}"; do
    if ! exists dominfo "${DOMAINS[$i]}"; then
      xml="$(mktemp)"
      domain_xml "$i" >"$xml"
      virsh -q define "$xml" >/dev/null
      rm -f "$xml"
    fi
    if [[ "$(virsh domstate "${DOMAINS[$i]}")" != running ]]; then
      virsh -q start "${DOMAINS[$i]}" >/dev/null
      log "domain ${DOMAINS[$i]} started"
    fi
  done
}

cmd_down() {
  no_arguments "$@"
  need virsh "libvirt-clients"
  local i d n m f
  for d in "${DOMAINS[@]}"; do
    exists dominfo "$d" || continue
    # destroy fails for a domain that is not running; undefine is what must succeed
    [[ "$(virsh domstate "$d")" == "shut off" ]] || virsh -q destroy "$d" >/dev/null || true
    virsh -q undefine "$d" >/dev/null
    log "domain $d removed"
  done
  for n in "${NETWORKS[@]}"; do
    exists net-info "$n" || continue
    virsh -q net-destroy "$n" >/dev/null 2>&1 || true
    virsh -q net-undefine "$n" >/dev/null
    log "network $n removed"
  done
  [[ -d $LABDIR ]] || return 0
  for i in "${!MACHINES[@]}"; do
    m="${MACHINES[$i]}"
    rm -f "$LABDIR/$m.qcow2" "$LABDIR/$m.seed.iso" "$LABDIR/$m.console.log"
  done
  # the machines' host keys went with their disks
  rm -f "$HERE/.ssh/known_hosts" "$HERE/.ssh/known_hosts.old"
  for f in "${DISK_FILE[@]}"; do rm -f "$LABDIR/$f"; done
  for f in "${IMAGES[@]}"; do rm -f "$LABDIR/images/$f.qcow2" "$LABDIR/images/$f.kernel" "$LABDIR/images/$f.initrd"; done
  [[ ! -d $LABDIR/images ]] || rmdir "$LABDIR/images" 2>/dev/null || true
  rmdir "$LABDIR" 2>/dev/null || log "$LABDIR is not empty: left as it is"
}

cmd_status() {
  no_arguments "$@"
  local n d
  for n in "${NETWORKS[@]}"; do
    if exists net-info "$n"; then
      printf 'network %-24s %s\n' "$n" "$(virsh net-info "$n" | awk '$1 == "Active:" { print ($2 == "yes" ? "active" : "inactive") }')"
    else
      printf 'network %-24s %s\n' "$n" "not defined"
    fi
  done
  for d in "${DOMAINS[@]}"; do
    if exists dominfo "$d"; then
      printf 'domain  %-24s %s\n' "$d" "$(virsh domstate "$d" | head -n1)"
    else
      printf 'domain  %-24s %s\n' "$d" "not defined"
    fi
  done
}

# The ssh config `lab.sh ssh` runs with: the inventory's ssh_config (addresses, users, jumps), this
# lab's own known_hosts (accept-new: a rebuilt lab has new host keys, and `down` forgets them), and the
# key for every hop: ssh hands -i and -o to the last hop only, but -F to each jump too.
ssh_config() {  # ssh_config KEY
  local inventory="$OUT/inventory/ssh_config" dir="$HERE/.ssh" key="$1"
  [[ -f $inventory ]] || die "$inventory is missing: generate the inventory target too"
  if [[ -n $key ]]; then
    [[ -r $key ]] || die "cannot read the key $key"
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
    [[ -z $key ]] || printf '  IdentityFile "%s"\n' "${key//%/%%}"
  } >"$dir/config"
  printf '%s' "$dir/config"
}

ssh_to() {  # ssh_to MACHINE_INDEX KEY [ARGS]
  local i="$1" config host
  need ssh "openssh-client"
  config="$(ssh_config "$2")"
  shift 2
  if [[ -z ${SSH_HOST[$i]} ]]; then
    # every NIC uses DHCP: the address is the one libvirt's DHCP server leased
    host="$(virsh domifaddr "${DOMAINS[$i]}" --source lease | awk '$3 == "ipv4" { sub(/\/.*/, "", $4); print $4; exit }')"
    [[ -n $host ]] || die "${MACHINES[$i]} has no DHCP lease yet"
    exec ssh -F "$config" -o HostName="$host" "${MACHINES[$i]}" "$@"
  fi
  exec ssh -F "$config" "${MACHINES[$i]}" "$@"
}

# What machine $1 printed on its serial console: libvirt logs it (<log file=...> in the domain XML).
report() {
  local log="$LABDIR/${MACHINES[$1]}.console.log"
  [[ -f $log ]] || { echo "no console log $log (is ${DOMAINS[$1]} started?)"; return 1; }
  cat -- "$log"
}

cmd_console() {
  [[ $# -eq 1 ]] || usage_error "console takes one machine"
  local i
  i="$(machine_index "$1")"
  exec virsh console "${DOMAINS[$i]}"
}

cmd_ssh() {
  local key="${LABFORGE_SSH_KEY:-}" i
  if [[ ${1:-} == -i ]]; then
    [[ $# -ge 2 ]] || die "-i needs a key file"
    key="$2"; shift 2
  fi
  [[ $# -ge 1 ]] || usage_error "ssh needs a machine"
  i="$(machine_index "$1")"; shift
  ssh_to "$i" "$key" "$@"
}

lab_main "$@"
