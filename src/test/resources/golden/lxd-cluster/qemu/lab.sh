#!/usr/bin/env bash
# labforge: lab cluster-lab on plain QEMU, as an ordinary user (no root, bridge, tap or libvirt). Generated.
#
#   ./lab.sh up [--wait [SECONDS]]
#                          create the overlays, disks and seeds and start every machine's launcher
#                          (kvm when /dev/kvm starts a guest here, else tcg); with --wait, then wait
#                          (default 600 s) until every machine has reported its in-guest checks
#   ./lab.sh down          stop the QEMU processes `up` started (by their PIDs) and delete the
#                          lab's state folder; nothing else
#   ./lab.sh status        every machine: running or not, its PID, SSH port and, through the guest
#                          agent, whether cloud-init has finished
#   ./lab.sh check         every machine's in-guest checks, from its console log: a table per
#                          machine; exit 0 only when every machine reported and no check failed
#   ./lab.sh console M     the serial console of machine M (socat; leave it with Ctrl+])
#   ./lab.sh ssh [-i KEY] M [ARGS]
#                          ssh to machine M through its management NIC's port forward (the Host
#                          M.qemu of ../inventory/ssh_config), with the key KEY (default
#                          $LABFORGE_SSH_KEY); host keys are kept in .ssh/known_hosts next to lab.sh
#   ./lab.sh snapshot NAME save the whole lab (every machine paused, then savevm NAME through QMP)
#   ./lab.sh restore NAME  return the whole lab to snapshot NAME (loadvm)
#
# Environment:
#   LABFORGE_QEMU_STATE     the lab's state folder: overlays, seeds, PIDs, sockets, logs (default
#                           ${XDG_STATE_HOME:-$HOME/.local/state}/labforge/qemu/<lab>)
#   LABFORGE_QEMU_ACCEL     kvm, tcg (or hvf on macOS) instead of the test `up` makes
#   LABFORGE_CACHE          downloaded images (default ${XDG_CACHE_HOME:-$HOME/.cache}/labforge/images)
#   LABFORGE_SSH_KEY        the private key `ssh` uses unless -i names one
#   LABFORGE_IMAGE_<image>  a local image file instead of the download, e.g. Packer's artifact
#   LABFORGE_KERNEL_<image>, LABFORGE_INITRD_<image>, LABFORGE_CMDLINE_<image>
#                           direct kernel boot, for an image without a boot loader; the command
#                           line defaults to "root=/dev/vda rw console=ttyS0"
# <image> is the image's name with every character other than a letter or digit as "_",
# e.g. LABFORGE_IMAGE_debian_12=./output/debian-12.qcow2.
#
# `up` is idempotent: a machine that runs is left as it is, so a second `up` changes nothing.
# Lab networks (multicast group:port on the host's loopback, docs/targets/qemu.md):
#   front                  239.194.249.155:10897
#   back                   239.193.166.1:26268
set -euo pipefail

LAB='cluster-lab'

# Images: name, source URL, checksum (none, ALGO:HEX or file:URL), format.
IMAGES=('debian-12')
IMAGE_URL=('https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2')
IMAGE_CHECKSUM=('none')
IMAGE_FORMAT=('qcow2')

# Machines: name, launcher, image, root disk MiB, SSH port on 127.0.0.1.
MACHINES=('web-1' 'web-2' 'app' 'db' 'tools')
LAUNCHER=('web-1.sh' 'web-2.sh' 'app.sh' 'db.sh' 'tools.sh')
MACHINE_IMAGE=('debian-12' 'debian-12' 'debian-12' 'debian-12' 'debian-12')
ROOT_MIB=(2048 2048 2048 2048 2048)
SSH_PORT=(31791 32539 16237 25094 30116)

# Data disks: file name in the state folder, MiB.
DISK_FILE=('db-data.qcow2')
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
# The part of lab.sh that is the same for every lab (templates/qemu/lab.sh.body).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(dirname "$HERE")"
STATE="${LABFORGE_QEMU_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/labforge/qemu/$LAB}"
CACHE="${LABFORGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/labforge/images}"
umask 077

# LABFORGE_<WHAT>_<image>, e.g. setting KERNEL debian-12 reads LABFORGE_KERNEL_debian_12.
setting() {
  local var="LABFORGE_$1_${2//[^A-Za-z0-9]/_}"
  printf '%s' "${!var:-}"
}

absolute() {  # absolute FILE: the file's path from /
  printf '%s/%s' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")"
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

# The backing file of image I: LABFORGE_IMAGE_<name> as it is, or the source URL downloaded once
# into the cache and verified.
base_image() {
  local i="$1" name="${IMAGES[$1]}" file
  file="$(setting IMAGE "$name")"
  if [[ -n $file ]]; then
    [[ -r $file ]] || die "cannot read LABFORGE_IMAGE_${name//[^A-Za-z0-9]/_}=$file"
    absolute "$file"
    return 0
  fi
  [[ ${IMAGE_FORMAT[$i]} == qcow2 ]] \
    || die "image $name is an installer ISO: build it with Packer, then set LABFORGE_IMAGE_${name//[^A-Za-z0-9]/_}"
  file="$CACHE/$name-$(printf '%s' "${IMAGE_URL[$i]}" | sha256sum | cut -c1-12).qcow2"
  if [[ ! -f $file ]]; then
    install -d "$CACHE"
    log "downloading ${IMAGE_URL[$i]}"
    download "${IMAGE_URL[$i]}" "$file.part"
    verify "$file.part" "${IMAGE_CHECKSUM[$i]}" "${IMAGE_URL[$i]}"
    mv "$file.part" "$file"
  fi
  printf '%s' "$file"
}

virtual_mib() {
  qemu-img info --output=json "$1" | sed -n 's/.*"virtual-size": *\([0-9]*\).*/\1/p' | head -n1 | awk '{ print int(($1 + 1048575) / 1048576) }'
}

# kvm when /dev/kvm starts a guest: on some hosts it exists, but QEMU aborts as the vCPU starts
# ("kvm_buf_set_msrs: Assertion ... failed"). A VM without a boot disk runs its firmware for ever,
# so a QEMU still running after 3 s is a KVM that works.
accelerator() {
  if [[ -n ${LABFORGE_QEMU_ACCEL:-} ]]; then
    printf '%s' "$LABFORGE_QEMU_ACCEL"
  elif [[ -r /dev/kvm && -w /dev/kvm ]] && { timeout 3 qemu-system-x86_64 -accel kvm -machine q35 -cpu max -m 64 \
      -nodefaults -display none -no-reboot </dev/null >/dev/null 2>&1; [[ $? -eq 124 ]]; }; then
    printf kvm
  else
    printf tcg
  fi
}

# The PID of machine I's QEMU, when the process of its PID file is that QEMU: its arguments name
# this machine's process and PID file. Nothing else is ever stopped.
pid_of() {  # pid_of MACHINE_INDEX
  local m="${MACHINES[$1]}" pid args
  [[ -f $STATE/$m.pid ]] || return 1
  pid="$(tr -dc 0-9 <"$STATE/$m.pid")"
  [[ -n $pid ]] || return 1
  args="$(ps -p "$pid" -o args= 2>/dev/null)" || return 1
  [[ $args == *"qemu-system-x86_64 "* && $args == *" -pidfile $m.pid "* && $args == *",process=qemu-$LAB-$m "* ]] || return 1
  printf '%s' "$pid"
}

# One QMP command on machine I's monitor; prints its "return" as JSON (exit 1 with QEMU's error).
# HMP commands go through QMP's human-monitor-command, whose return is the HMP output.
qmp() {  # qmp MACHINE_INDEX COMMAND [ARGUMENTS_JSON]
  (cd "$STATE" && python3 - "${MACHINES[$1]}.qmp" "$2" "${3:-"{}"}" <<'PYTHON'
import json, socket, sys
path, command, arguments = sys.argv[1:4]
s = socket.socket(socket.AF_UNIX)
s.settimeout(900)  # savevm of a big guest under TCG takes a while
s.connect(path)
f = s.makefile("rw")
json.loads(f.readline())  # the greeting

def call(name, args):
    f.write(json.dumps({"execute": name, "arguments": args}) + "\n")
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if "return" in reply or "error" in reply:  # not an event
            return reply

call("qmp_capabilities", {})
reply = call(command, json.loads(arguments))
if "error" in reply:
    sys.exit("QMP %s: %s" % (command, reply["error"].get("desc")))
print(json.dumps(reply["return"]))
PYTHON
  )
}

hmp() {  # hmp MACHINE_INDEX COMMAND_LINE: fails when the HMP command printed an error
  local out
  out="$(qmp "$1" human-monitor-command "{\"command-line\": \"$2\"}")" || return 1
  [[ $out == '""' ]] || { log "${MACHINES[$1]}: $2: $out"; return 1; }
}

# The guest agent of machine I: "ping" answers ok or why not; "cloud-init" prints the first line of
# `cloud-init status` in the guest (guest-exec, up to 30 s). A guest without a running agent never
# answers: 5 s.
agent() {  # agent MACHINE_INDEX ping|cloud-init
  (cd "$STATE" && python3 - "${MACHINES[$1]}.qga" "$2" <<'PYTHON'
import base64, json, random, socket, sys, time
path, what = sys.argv[1:3]
try:
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(5)
    s.connect(path)
    f = s.makefile("rw")

    def call(name, args=None):
        f.write(json.dumps({"execute": name, "arguments": args or {}}) + "\n")
        f.flush()
        return json.loads(f.readline())

    token = random.randint(1, 2**31)
    # guest-sync: skip whatever an earlier client left unread, up to our token's answer
    f.write(json.dumps({"execute": "guest-sync", "arguments": {"id": token}}) + "\n")
    f.flush()
    while json.loads(f.readline()).get("return") != token:
        pass
    if what == "ping":
        reply = call("guest-ping")
        print("ok" if "return" in reply else "error: %s" % reply.get("error", {}).get("desc"))
    else:
        pid = call("guest-exec", {"path": "cloud-init", "arg": ["status"], "capture-output": True})["return"]["pid"]
        for _ in range(300):  # python starts slowly in a TCG guest: up to 30 s
            st = call("guest-exec-status", {"pid": pid})["return"]
            if st.get("exited"):
                out = base64.b64decode(st.get("out-data", "")).decode("utf-8", "replace").strip()
                print((out.splitlines() or ["no output"])[0])
                break
            time.sleep(0.1)
        else:
            print("cloud-init status did not finish")
except (OSError, ValueError, KeyError) as e:
    print("no answer (%s)" % (e.__class__.__name__ if isinstance(e, socket.timeout) else e))
PYTHON
  )
}

up() {
  need qemu-system-x86_64 "qemu-system-x86"
  need qemu-img "qemu-utils"
  install -d "$STATE"
  local i m base size accel pid kernel initrd cmdline image
  accel="$(accelerator)"
  make_disks
  for i in "${!MACHINES[@]}"; do
    m="${MACHINES[$i]}"
    if pid="$(pid_of "$i")"; then
      log "$m runs already (PID $pid)"
      continue
    fi
    [[ -f $OUT/cloud-init/$m/nocloud.iso ]] || die "$OUT/cloud-init/$m/nocloud.iso is missing: generate the cloud-init target too"
    image="${MACHINE_IMAGE[$i]}"
    if [[ ! -f $STATE/$m.qcow2 ]]; then
      base="$(base_image "$(index_of "$image" "${IMAGES[@]}")")"
      size="${ROOT_MIB[$i]}"
      (( size >= $(virtual_mib "$base") )) || size="$(virtual_mib "$base")"
      qemu-img create -q -f qcow2 -F qcow2 -b "$base" "$STATE/$m.qcow2" "${size}M"
    fi
    cmp -s "$OUT/cloud-init/$m/nocloud.iso" "$STATE/$m.seed.iso" || cp "$OUT/cloud-init/$m/nocloud.iso" "$STATE/$m.seed.iso"
    kernel="$(setting KERNEL "$image")"
    initrd="$(setting INITRD "$image")"
    cmdline="$(setting CMDLINE "$image")"
    [[ -z $kernel ]] || kernel="$(absolute "$kernel")"
    [[ -z $initrd ]] || initrd="$(absolute "$initrd")"
    rm -f "$STATE/$m.pid"
    if ! (cd "$STATE" && LABFORGE_QEMU_ACCEL="$accel" LABFORGE_QEMU_KERNEL="$kernel" LABFORGE_QEMU_INITRD="$initrd" \
        LABFORGE_QEMU_CMDLINE="$cmdline" bash "$HERE/${LAUNCHER[$i]}") >"$STATE/$m.log" 2>&1; then
      die "$m did not start ($STATE/$m.log): $(tail -n 3 "$STATE/$m.log")"
    fi
    log "$m started (PID $(pid_of "$i"), $accel, ssh on 127.0.0.1:${SSH_PORT[$i]})"
  done
}

make_disks() {  # every data disk that is not there yet, before any machine starts
  local i
  for i in "${!DISK_FILE[@]}"; do
    [[ -f $STATE/${DISK_FILE[$i]} ]] || qemu-img create -q -f qcow2 "$STATE/${DISK_FILE[$i]}" "${DISK_MIB[$i]}M"
  done
}

stop() {  # stop MACHINE_INDEX: quit through QMP, then TERM, then KILL; only our QEMU's PID
  local i="$1" pid n
  pid="$(pid_of "$i")" || return 0
  qmp "$i" quit >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for n in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    [[ $n -ne 30 ]] || kill -TERM "$pid" 2>/dev/null || true
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  log "${MACHINES[$i]} stopped (PID $pid)"
}

cmd_down() {
  no_arguments "$@"
  local i m f
  for i in "${!MACHINES[@]}"; do stop "$i"; done
  [[ -d $STATE ]] || return 0
  for i in "${!MACHINES[@]}"; do
    m="${MACHINES[$i]}"
    rm -f "$STATE/$m.qcow2" "$STATE/$m.seed.iso" "$STATE/$m.pid" "$STATE/$m.log" "$STATE/$m.console.log" \
      "$STATE/$m.qmp" "$STATE/$m.qga" "$STATE/$m.serial"
  done
  for f in "${DISK_FILE[@]}"; do rm -f "$STATE/$f"; done
  # the machines' host keys went with their disks
  rm -f "$HERE/.ssh/known_hosts" "$HERE/.ssh/known_hosts.old"
  rmdir "$STATE" 2>/dev/null || log "$STATE is not empty: left as it is"
}

cmd_status() {
  no_arguments "$@"
  local i m pid
  printf '%-16s %-8s %-8s %-16s %-12s %s\n' MACHINE STATE PID SSH AGENT CLOUD-INIT
  for i in "${!MACHINES[@]}"; do
    m="${MACHINES[$i]}"
    if pid="$(pid_of "$i")"; then
      printf '%-16s %-8s %-8s %-16s %-12s %s\n' "$m" "$(qmp "$i" query-status | sed -n 's/.*"status": "\([a-z-]*\)".*/\1/p')" \
        "$pid" "127.0.0.1:${SSH_PORT[$i]}" "$(agent "$i" ping)" "$(agent "$i" cloud-init)"
    else
      printf '%-16s %-8s %-8s %-16s %-12s %s\n' "$m" stopped - "127.0.0.1:${SSH_PORT[$i]}" - -
    fi
  done
}

report() {  # the console log, where the guest printed its labforge-check line
  local m="${MACHINES[$1]}"
  [[ -f $STATE/$m.console.log ]] || { echo "no console log: is the lab up?"; return 1; }
  cat "$STATE/$m.console.log"
}

cmd_console() {
  [[ $# -eq 1 ]] || usage_error "console takes one machine"
  local i
  i="$(machine_index "$1")"
  need socat socat
  pid_of "$i" >/dev/null || die "$1 is not running"
  cd "$STATE"
  exec socat -,raw,echo=0,escape=0x1d "UNIX-CONNECT:$1.serial"
}

# The ssh config `lab.sh ssh` runs with: the inventory's ssh_config (Host M.qemu: the port forward,
# the user), this lab's own known_hosts (accept-new: a rebuilt lab has new host keys, and `down`
# forgets them), and the key.
cmd_ssh() {
  local key="${LABFORGE_SSH_KEY:-}" inventory="$OUT/inventory/ssh_config" dir="$HERE/.ssh" i
  if [[ ${1:-} == -i ]]; then
    [[ $# -ge 2 ]] || usage_error "-i needs a key file"
    key="$2"
    shift 2
  fi
  i="$(machine_index "${1:-}")"
  shift
  need ssh "openssh-client"
  [[ -f $inventory ]] || die "$inventory is missing: generate the inventory target too"
  if [[ -n $key ]]; then
    [[ -r $key ]] || die "cannot read the key $key"
    key="$(absolute "$key")"
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
  exec ssh -F "$dir/config" "${MACHINES[$i]}.qemu" "$@"
}

snapshot_name() {  # snapshot_name "$@": the one NAME argument, a word savevm and loadvm take as it is
  [[ $# -eq 1 ]] || usage_error "one snapshot name, please"
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || usage_error "a snapshot name is letters, digits, '.', '_' and '-': '$1'"
}

# The whole lab at one moment: every machine paused first, so none runs on while another is saved
# (a ping between them, a TCP stream), then each saved or loaded, then all resumed.
whole_lab() {  # whole_lab savevm|loadvm NAME
  local i failed=""
  for i in "${!MACHINES[@]}"; do
    pid_of "$i" >/dev/null || die "${MACHINES[$i]} is not running: ./lab.sh up first"
  done
  for i in "${!MACHINES[@]}"; do qmp "$i" stop >/dev/null; done
  for i in "${!MACHINES[@]}"; do
    hmp "$i" "$1 $2" || failed+=" ${MACHINES[$i]}"
  done
  for i in "${!MACHINES[@]}"; do qmp "$i" cont >/dev/null; done
  [[ -z $failed ]] || die "$1 $2 failed on:$failed"
  log "$1 $2: ${#MACHINES[@]} machines"
}

cmd_snapshot() {
  snapshot_name "$@"
  need python3 python3
  whole_lab savevm "$1"
}

cmd_restore() {
  snapshot_name "$@"
  need python3 python3
  whole_lab loadvm "$1"
}

lab_main "$@"
