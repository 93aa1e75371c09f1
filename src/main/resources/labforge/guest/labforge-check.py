#!/usr/bin/python3
# labforge-check: runs the checks of /etc/labforge/checks.json (written by labforge from the lab
# spec; docs/checks.md) and reports. Every expected value is in that plan; this program only looks
# and compares. Writes /var/lib/labforge/check.json, prints one line "labforge-check: {json}" on
# stdout and the console; exit 0 iff every check passed (or was skipped).
# --boot (cloud-init's per-boot hook): detach, wait for cloud-init to finish this boot, then run.
# --plan FILE and --report DIR read and write elsewhere, without the console (labforge's own tests).
import grp, hashlib, json, os, pwd, re, select, socket, struct, subprocess, sys, time

PLAN = "/etc/labforge/checks.json"
REPORT = "/var/lib/labforge/check.json"
LOG = "/var/lib/labforge/check.log"
RESULT = "/run/cloud-init/result.json"
STATUS = "/run/cloud-init/status.json"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def jread(path):
    return json.loads(read(path).decode())


def run(argv, timeout=60, shell=False):
    p = subprocess.run(argv, shell=shell, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def short(text, n=200):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "..."


def ci_status(c):
    st = jread(STATUS)["v1"]
    stages = [s for s in ("init-local", "init", "modules-config", "modules-final") if s in st]
    unfinished = [s for s in stages if not st[s].get("finished")]
    if not os.path.exists(RESULT) or st.get("stage") or unfinished:
        return False, "not done: stage %s, unfinished %s" % (st.get("stage"), unfinished)
    return True, "done"


def ci_errors(c):
    st, res = jread(STATUS)["v1"], jread(RESULT)["v1"]
    errors = list(res.get("errors", []))
    for s in ("init-local", "init", "modules-config", "modules-final"):
        errors += (st.get(s) or {}).get("errors", [])
    return not errors, short("; ".join(errors)) if errors else "none"


def ci_datasource(c):
    ds = jread(RESULT)["v1"].get("datasource") or ""
    ok = any(ds.startswith("DataSource" + d) for d in c["expected"])
    return ok, ds


def hostname(c):
    h = socket.gethostname()
    return h == c["expected"], h


def fqdn(c):
    try:
        f = socket.getaddrinfo(socket.gethostname(), None, 0, 0, 0, socket.AI_CANONNAME)[0][3]
    except OSError as e:
        f = str(e)
    return f == c["expected"], f


def user(c):
    try:
        p = pwd.getpwnam(c["user"])
    except KeyError:
        return False, "no such user"
    bad = [] if p.pw_shell == c["shell"] else ["shell %s, not %s" % (p.pw_shell, c["shell"])]
    for g in c["groups"]:
        try:
            if c["user"] not in grp.getgrnam(g).gr_mem and grp.getgrnam(g).gr_gid != p.pw_gid:
                bad.append("not in group " + g)
        except KeyError:
            bad.append("no group " + g)
    return not bad, "; ".join(bad) or "uid %d, shell %s" % (p.pw_uid, p.pw_shell)


def sudo(c):
    d = "/etc/sudoers.d"
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if c["line"] in read(os.path.join(d, name)).decode(errors="replace").splitlines():
            return True, os.path.join(d, name)
    return False, "no line '%s' in %s" % (c["line"], d)


def keys(c):
    path = os.path.join(pwd.getpwnam(c["user"]).pw_dir, ".ssh/authorized_keys")
    have = read(path).decode(errors="replace").splitlines() if os.path.exists(path) else []
    missing = [k for k in c["keys"] if k not in have]
    return not missing, "%d missing from %s" % (len(missing), path) if missing else path


def password(c):
    for line in read("/etc/shadow").decode(errors="replace").splitlines():
        f = line.split(":")
        if f[0] == c["user"]:
            return f[1] == c["hash"], "hash as set" if f[1] == c["hash"] else "another hash"
    return False, "not in /etc/shadow"


def file(c):
    try:
        st = os.lstat(c["path"])
        digest = hashlib.sha256(read(c["path"])).hexdigest()
    except OSError as e:
        return False, e.strerror
    owner = "%s:%s" % (name(pwd.getpwuid, st.st_uid), name(grp.getgrgid, st.st_gid))
    mode = "%04o" % (st.st_mode & 0o7777)
    bad = [] if digest == c["sha256"] else ["other bytes (sha256 %s)" % digest]
    bad += [] if mode == c["mode"] else ["mode %s, not %s" % (mode, c["mode"])]
    want = "%s:%s" % (c["owner"], c["group"])
    bad += [] if owner == want else ["owner %s, not %s" % (owner, want)]
    return not bad, "; ".join(bad) or "%s %s" % (mode, owner)


def name(lookup, id_):
    try:
        return lookup(id_)[0]
    except KeyError:
        return str(id_)


def ran(c):
    try:
        code = read(c["marker"]).decode().strip()
    except OSError:
        return False, "did not run (no %s)" % c["marker"]
    return code == "0", "exit " + code


def package(c):
    if c["manager"] == "dpkg":
        fmt = "$" + "{db:Status-Status}"
        code, out, err = run(["dpkg-query", "-W", "-f", fmt, c["package"]])
        return code == 0 and out == "installed", short(out or err) or "not installed"
    code, out, err = run(["rpm", "-q", c["package"]])
    return code == 0, short(out or err)


def mount(c):
    for line in read("/proc/self/mounts").decode().splitlines():
        f = line.split()
        if f[1] == c["mount"]:
            return f[2] == c["fs"], "%s %s" % (f[0], f[2])
    return False, "nothing mounted at " + c["mount"]


def ip(*args):
    code, out, err = run(["ip", "-j"] + list(args))
    if code:
        raise OSError(short(err))
    return json.loads(out or "[]")


def nic(c):
    links = ip("addr", "show")  # with -4, ip leaves out each link's MAC
    for l in links:
        l["addr_info"] = [a for a in l.get("addr_info", []) if a.get("family") == "inet"]
    if c["mac"]:
        found = [l for l in links if l.get("address", "").lower() == c["mac"].lower()]
        if not found:
            return False, "no interface with MAC " + c["mac"]
    else:
        found = [l for l in links if any(a.get("local") == c["address"] for a in l.get("addr_info", []))]
        if not found:
            return False, "no interface has " + c["address"]
    have = ["%s/%s" % (a["local"], a["prefixlen"]) for a in found[0].get("addr_info", [])]
    if c["address"] is None:
        return bool(have), "%s: %s" % (found[0]["ifname"], " ".join(have) or "no address (DHCP)")
    want = "%s/%s" % (c["address"], c["prefix"])
    return want in have, "%s: %s" % (found[0]["ifname"], " ".join(have) or "no address")


def route(c):
    to = "default" if c["to"] == "0.0.0.0/0" else c["to"]
    for r in ip("-4", "route", "show"):
        if r.get("dst") == to and r.get("gateway") == c["via"]:
            return True, "%s via %s dev %s" % (to, c["via"], r.get("dev"))
    same = [r.get("gateway") or r.get("dev") for r in ip("-4", "route", "show") if r.get("dst") == to]
    return False, "via %s instead" % ", ".join(same) if same else "no route to " + to


def forwarding(c):
    v = read("/proc/sys/net/ipv4/ip_forward").decode().strip()
    return v == "1", "net.ipv4.ip_forward = " + v


def dns(c):
    try:
        got = socket.gethostbyname(c["host"])
    except OSError as e:
        return False, str(e)
    return got == c["address"], got


def command(c):
    try:
        code, out, err = run(c["command"], timeout=120, shell=True)
    except subprocess.TimeoutExpired:
        return False, "still running after 120 s"
    if code:
        return False, "exit %d; stdout: %s; stderr: %s" % (code, short(out), short(err))
    if c.get("stdout") is not None:
        try:
            found = re.search(c["stdout"], out, re.MULTILINE)
        except re.error as e:
            return False, "bad pattern: %s" % e
        if not found:
            return False, "stdout has no match for /%s/: %s" % (c["stdout"], short(out) or "(empty)")
        return True, "matched: " + short(found.group(0))
    return True, "exit 0"


def checksum(data):
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    return ~(s + (s >> 16)) & 0xFFFF


def pings(addresses, deadline):
    """ICMP echo to every address at once, again each second until each answered or the deadline."""
    left, ident, seq = set(addresses), os.getpid() & 0xFFFF, 0
    if not left:
        return {}
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    answered, tries = {}, {}
    start = time.monotonic()
    while left and time.monotonic() < deadline:
        seq = (seq + 1) & 0xFFFF
        for a in sorted(left):
            head = struct.pack("!BBHHH", 8, 0, 0, ident, seq)
            packet = struct.pack("!BBHHH", 8, 0, checksum(head + b"labforge"), ident, seq) + b"labforge"
            tries[a] = tries.get(a, 0) + 1
            try:
                sock.sendto(packet, (a, 0))
            except OSError:
                pass
        until = min(deadline, time.monotonic() + 1)
        while left and time.monotonic() < until:
            ready, _, _ = select.select([sock], [], [], max(0, until - time.monotonic()))
            if not ready:
                break
            data, (src, _) = sock.recvfrom(2048)
            icmp = data[(data[0] & 0x0F) * 4:]
            if len(icmp) >= 8 and icmp[0] == 0 and struct.unpack("!H", icmp[4:6])[0] == ident and src in left:
                left.discard(src)
                answered[src] = "answered after %.1f s" % (time.monotonic() - start)
    for a in left:
        answered[a] = None
    return {a: (answered[a] is not None, answered[a] or "no answer to %d pings" % tries.get(a, 0)) for a in addresses}


def tcp(c, deadline):
    last = "not tried"
    while True:
        try:
            socket.create_connection((c["address"], c["port"]), timeout=3).close()
            return True, "connected"
        except OSError as e:
            last = e.strerror or str(e)
        if time.monotonic() + 1 >= deadline:
            return False, "%s:%d: %s" % (c["address"], c["port"], last)
        time.sleep(1)


KINDS = {"cloud-init-status": ci_status, "cloud-init-errors": ci_errors, "cloud-init-datasource": ci_datasource,
         "hostname": hostname, "fqdn": fqdn, "user": user, "sudo": sudo, "keys": keys, "password": password,
         "file": file, "ran": ran, "package": package, "mount": mount, "nic": nic, "route": route,
         "forwarding": forwarding, "dns": dns, "command": command}


def check(plan):
    deadline = time.monotonic() + plan["wait_seconds"]
    results = {}
    try:
        reach = pings([c["address"] for c in plan["checks"] if c["kind"] == "ping"], deadline)
    except OSError as e:
        reach = {c["address"]: (False, "cannot ping: %s" % e) for c in plan["checks"] if c["kind"] == "ping"}
    for i, c in enumerate(plan["checks"]):
        try:
            if c["kind"] == "skip":
                results[i] = ("skip", c["reason"])
                continue
            if c["kind"] == "ping":
                ok, detail = reach[c["address"]]
            elif c["kind"] == "tcp":
                ok, detail = tcp(c, deadline)
            else:
                ok, detail = KINDS[c["kind"]](c)
        except Exception as e:  # a check that cannot look fails with why, the others still run
            ok, detail = False, "%s: %s" % (type(e).__name__, e)
        results[i] = ("pass" if ok else "fail", detail)
    checks = [{"name": c["name"], "status": results[i][0], "detail": results[i][1]} for i, c in enumerate(plan["checks"])]
    return {"machine": plan["machine"], "lab": plan["lab"], "checks": checks}


def report(result, to_stdout, console=True):
    line = "labforge-check: " + json.dumps(result, ensure_ascii=True, separators=(", ", ": ")) + "\n"
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    with open(REPORT + ".tmp", "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(REPORT + ".tmp", REPORT)
    if to_stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
    if not console:
        return
    try:
        # A getty prompt may have left the console mid-line: start a fresh one.
        fd = os.open("/dev/console", os.O_WRONLY | os.O_NOCTTY)
        os.write(fd, b"\n" + line.encode())
        os.close(fd)
    except OSError:
        pass


def detach():
    if os.fork():
        os._exit(0)
    os.setsid()
    if os.fork():
        os._exit(0)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)


def main(args):
    global PLAN, REPORT, LOG
    boot = "--boot" in args
    console = True
    if "--plan" in args:
        PLAN, console = args[args.index("--plan") + 1], False
    if "--report" in args:
        folder = args[args.index("--report") + 1]
        REPORT, LOG, console = os.path.join(folder, "check.json"), os.path.join(folder, "check.log"), False
    started = time.monotonic()
    if boot:
        detach()
        end = time.monotonic() + 3600  # cloud-init's own hang shows up in the report then
        while not os.path.exists(RESULT) and time.monotonic() < end:
            time.sleep(0.5)
    waited = time.monotonic()
    result = check(jread(PLAN))
    report(result, not boot, console)
    with open(LOG, "a") as log:  # what the checks cost, measured where they run (docs/checks.md)
        log.write("%s: waited %.1f s for cloud-init, checked and reported in %.1f s\n"
                  % ("boot" if boot else "rerun", waited - started, time.monotonic() - waited))
    return 0 if all(c["status"] != "fail" for c in result["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
