#!/usr/bin/env bash
# A private Docker Engine for tests: Debian's dockerd 20.10 inside a network, mount and PID
# namespace that this script creates, with its own --data-root, --exec-root and socket, so that
# every network, bridge, iptables rule, container and volume of a lab stays inside it and nothing
# reaches the host's interfaces or another helper's daemons.
#
#   docker-ns.sh start DIR          start the namespace and dockerd; prints the holder's PID
#   docker-ns.sh run DIR CMD...     run CMD inside it (nsenter by the holder's PID), with
#                                   DOCKER_HOST=unix://DIR/docker.sock and Debian's client first in PATH
#   docker-ns.sh stop DIR           stop dockerd by its PID (it stops its containers), then every
#                                   process left in the namespace by PID
#
# DIR (created if missing) keeps the state: DIR/data (images, containers, volumes), DIR/exec,
# DIR/docker.sock, dockerd.log, holder.pid. Inside, tmpfs hides the host's /run (dockerd then
# starts its own containerd) and a fresh sysfs is mounted over /sys, as in lxd-ns.sh. Containers get
# a private cgroup namespace by default (--default-cgroupns-mode private): systemd as PID 1 needs it
# on a cgroup v1 host, and Compose v1 has no `cgroup:` key to ask for it per service.
# The client is /usr/bin/docker (Debian's 20.10): the Docker 28 client in /usr/local/bin refuses
# a MAC with a network against a 20.10 daemon (docs: consumers.md).
# Needs root, unshare/nsenter (util-linux >= 2.32), docker.io.
#
# Stopping never uses a process name: the processes are found by their PID namespace (the holder
# is its PID 1) and signalled by PID; the holder's death makes the kernel kill what is left.
set -euo pipefail

PRIVATE_DIRS=(/run)

die() { echo "docker-ns: $*" >&2; exit 2; }

holder_pid() {
  local dir="$1" pid
  [[ -s $dir/holder.pid ]] || die "no namespace in $dir (start it first)"
  pid="$(cat "$dir/holder.pid")"
  [[ -d /proc/$pid ]] || die "namespace holder $pid of $dir is gone"
  echo "$pid"
}

enter() {
  local dir="$1" pid="$2"; shift 2
  nsenter --target "$pid" --net --mount --pid --wd="$PWD" -- \
    env DOCKER_HOST="unix://$dir/docker.sock" PATH="/usr/bin:/usr/sbin:/bin:/sbin:$PATH" "$@"
}

# Runs as PID 1 of the new namespaces: private mounts, loopback, dockerd, then waits.
inside() {
  local dir="$1" d
  mount --make-rprivate /
  for d in "${PRIVATE_DIRS[@]}"; do
    [[ -d $d ]] || mkdir -p "$d"
    mount -t tmpfs -o mode=0755 docker-ns "$d"
  done
  mkdir -p /run/lock "$dir/cgroup"
  ln -s /dev/shm /run/shm
  mount --rbind /sys/fs/cgroup "$dir/cgroup"
  mount -t sysfs docker-ns /sys
  mount --move "$dir/cgroup" /sys/fs/cgroup
  ip link set lo up
  /usr/sbin/dockerd --data-root "$dir/data" --exec-root "$dir/exec" -H "unix://$dir/docker.sock" \
    --default-cgroupns-mode private --pidfile "$dir/dockerd.pid" >"$dir/dockerd.log" 2>&1 </dev/null &
  trap 'exit 0' TERM INT
  echo ready >"$dir/inside.ready"
  # PID 1 of the namespace: reaps what dockerd leaves (containerd-shim) until stopped.
  while :; do sleep 3600 & wait $! || true; done
}

start() {
  local dir="$1" pid i
  mkdir -p "$dir/data" "$dir/exec"
  dir="$(cd "$dir" && pwd)"
  rm -f "$dir/holder.pid" "$dir/inside.ready"
  # --kill-child: if unshare dies, the holder gets SIGKILL, and with it the whole PID namespace.
  setsid unshare --net --mount --pid --fork --kill-child --mount-proc \
    bash "$(readlink -f "${BASH_SOURCE[0]}")" __inside "$dir" >"$dir/unshare.log" 2>&1 </dev/null &
  local unshare_pid=$!
  echo "$unshare_pid" >"$dir/unshare.pid"
  for ((i = 0; i < 100; i++)); do
    pid="$(awk '{print $1}' "/proc/$unshare_pid/task/$unshare_pid/children" 2>/dev/null || true)"
    [[ -n $pid && -f $dir/inside.ready ]] && break
    kill -0 "$unshare_pid" 2>/dev/null || { cat "$dir/unshare.log" >&2; die "namespace did not start"; }
    sleep 0.2
  done
  [[ -n ${pid:-} && -f $dir/inside.ready ]] || die "namespace not ready after 20 s"
  echo "$pid" >"$dir/holder.pid"
  for ((i = 0; i < 150; i++)); do
    if enter "$dir" "$pid" /usr/bin/docker version >/dev/null 2>&1; then
      echo "$pid"
      return 0
    fi
    sleep 0.4
  done
  stop "$dir" || true
  die "dockerd did not answer within 60 s (see $dir/dockerd.log)"
}

# PIDs (host view) of every process whose PID namespace is the holder's, the holder excluded.
# One `ls` for all of /proc: a readlink per process is thousands of forks on a busy host.
members() {
  local holder="$1" ns
  ns="$(readlink "/proc/$holder/ns/pid")"
  # shellcheck disable=SC2012  # ls -l is read for its link targets, which find cannot match exactly
  ls -l /proc/[0-9]*/ns/pid 2>/dev/null \
    | awk -v ns="$ns" -v holder="$holder" '$NF == ns { split($(NF - 2), p, "/"); if (p[3] != holder) print p[3] }'
  return 0
}

stop() {
  local dir="$1" pid pids i
  [[ -s $dir/holder.pid ]] || return 0
  dir="$(cd "$dir" && pwd)"
  pid="$(cat "$dir/holder.pid")"
  if [[ -d /proc/$pid ]]; then
    # dockerd by its PID (dockerd.pid holds it as the namespace sees it; NSpid's last field is
    # that one): on SIGTERM it stops its containers and containerd, then exits.
    local d="" want p
    want="$(cat "$dir/dockerd.pid" 2>/dev/null || true)"
    if [[ -n $want ]]; then
      for p in $(members "$pid"); do
        if [[ "$(awk '$1 == "NSpid:" { print $NF }' "/proc/$p/status" 2>/dev/null || true)" == "$want" ]]; then
          d="$p"
        fi
      done
    fi
    if [[ -n $d ]]; then
      kill -TERM "$d" 2>/dev/null || true
      for ((i = 0; i < 150; i++)); do [[ -d /proc/$d ]] || break; sleep 0.2; done
    fi
    mapfile -t pids < <(members "$pid")
    if ((${#pids[@]} > 0)); then
      echo "docker-ns: stopping what outlived dockerd: ${pids[*]}" >&2
      kill -TERM "${pids[@]}" 2>/dev/null || true
    fi
    for ((i = 0; i < 100; i++)); do
      mapfile -t pids < <(members "$pid")
      ((${#pids[@]} == 0)) && break
      sleep 0.2
    done
    ((${#pids[@]} == 0)) || kill -KILL "${pids[@]}" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  fi
  if [[ -s $dir/unshare.pid ]]; then
    local u; u="$(cat "$dir/unshare.pid")"
    for ((i = 0; i < 50; i++)); do [[ -d /proc/$u ]] || break; sleep 0.2; done
    if [[ -d /proc/$u ]]; then kill -KILL "$u" 2>/dev/null || true; fi
  fi
  rm -f "$dir/holder.pid" "$dir/unshare.pid" "$dir/inside.ready" "$dir/dockerd.pid"
}

[[ $# -ge 2 ]] || die "usage: $0 start|run|stop DIR [CMD...]"
cmd="$1" dir="$2"; shift 2
case "$cmd" in
  start) start "$dir" ;;
  run) [[ $# -ge 1 ]] || die "run needs a command"; enter "$(cd "$dir" && pwd)" "$(holder_pid "$dir")" "$@" ;;
  stop) stop "$dir" ;;
  __inside) inside "$dir" ;;
  *) die "unknown command $cmd" ;;
esac
