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
