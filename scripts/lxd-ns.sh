#!/usr/bin/env bash
# A private LXD for tests: `lxd --group root` (no systemd) inside a network, mount and PID
# namespace that this script creates, so that every bridge, address, dnsmasq and container of a
# lab stays inside it and nothing reaches the host's interfaces or another helper's daemons.
#
#   lxd-ns.sh start DIR          start the namespace and LXD; prints the holder's PID
#   lxd-ns.sh run DIR CMD...     run CMD inside it (nsenter by the holder's PID), with LXD_DIR set
#   lxd-ns.sh stop DIR           `lxd shutdown`, then stop every process left in it by PID
#
# DIR (created if missing) keeps the state: LXD_DIR is DIR/lxd (on disk: a dir storage pool
# holds whole root file systems), the client's LXD_CONF is DIR/conf, plus holder.pid, lxd.log
# and unshare's output. Inside, tmpfs hides the host's /run, /var/lib/lxd and /var/log/lxd, and a
# fresh sysfs is mounted over /sys (sysfs lists the network devices of the namespace that mounted
# it; LXD reads /sys/class/net/<bridge>), with the host's cgroup mounts moved into it. The fresh
# sysfs must stay fully visible: a bind mount over part of it makes the kernel refuse the
# containers' own sysfs mounts ("Failed to mount sysfs", mount_too_revealing).
# Needs root, unshare/nsenter (util-linux >= 2.32), lxd and lxc (Debian lxd 5.0.2, lxd-client).
#
# Stopping never uses a process name: the processes are found by their PID namespace (the holder
# is its PID 1), signalled by PID, and the holder's death makes the kernel kill what is left
# (containers included: their PID namespaces are nested in ours). dnsmasq, started by LXD for
# every bridge, outlives `lxd shutdown`; it is stopped the same way.
set -euo pipefail

PRIVATE_DIRS=(/run /var/lib/lxd /var/log/lxd)

die() { echo "lxd-ns: $*" >&2; exit 2; }

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
    env LXD_DIR="$dir/lxd" LXD_CONF="$dir/conf" "$@"
}

# Runs as PID 1 of the new namespaces: private mounts, loopback, LXD, then waits.
inside() {
  local dir="$1" d
  mount --make-rprivate /
  for d in "${PRIVATE_DIRS[@]}"; do
    [[ -d $d ]] || mkdir -p "$d"
    mount -t tmpfs -o mode=0755 lxd-ns "$d"
  done
  mkdir -p /run/lock "$dir/cgroup"
  ln -s /dev/shm /run/shm
  mount --rbind /sys/fs/cgroup "$dir/cgroup"
  mount -t sysfs lxd-ns /sys
  mount --move "$dir/cgroup" /sys/fs/cgroup
  ip link set lo up
  LXD_DIR="$dir/lxd" LXD_CONF="$dir/conf" lxd --group root --logfile "$dir/lxd.log" \
    >"$dir/lxd.out" 2>&1 </dev/null &
  trap 'exit 0' TERM INT
  echo ready >"$dir/inside.ready"
  # PID 1 of the namespace: reaps what LXD leaves (forkstart, dnsmasq) until stopped.
  while :; do sleep 3600 & wait $! || true; done
}

start() {
  local dir="$1" pid i
  mkdir -p "$dir/lxd" "$dir/conf"
  dir="$(cd "$dir" && pwd)"
  chmod 0711 "$dir" "$dir/lxd"
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
  if enter "$dir" "$pid" lxd waitready --timeout 60; then
    echo "$pid"
    return 0
  fi
  stop "$dir" || true
  die "lxd did not answer within 60 s (see $dir/lxd.log and $dir/lxd.out)"
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
    # Instances first, through LXD (a clean stop, then the daemon exits).
    timeout 120 nsenter --target "$pid" --net --mount --pid -- \
      env LXD_DIR="$dir/lxd" LXD_CONF="$dir/conf" lxd shutdown --timeout 60 >/dev/null 2>&1 || true
    mapfile -t pids < <(members "$pid")
    if ((${#pids[@]} > 0)); then
      echo "lxd-ns: stopping what outlived lxd shutdown: ${pids[*]}" >&2
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
  rm -f "$dir/holder.pid" "$dir/unshare.pid" "$dir/inside.ready"
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
