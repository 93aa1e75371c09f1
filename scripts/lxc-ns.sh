#!/usr/bin/env bash
# A private place for classic LXC in tests: a network, mount and PID namespace that this script
# creates, so that every bridge, veth, address and container of a lab stays inside it.
#
#   lxc-ns.sh start DIR          start the namespace; prints the holder's PID
#   lxc-ns.sh run DIR CMD...     run CMD inside it (nsenter by the holder's PID)
#   lxc-ns.sh stop DIR           stop every process left in it by PID, then the holder
#
# DIR (created if missing) keeps the state: DIR/lxc is bind-mounted over /var/lib/lxc inside (on
# disk: each container holds a whole root file system), plus holder.pid and unshare's output.
# Inside, tmpfs hides the host's /run (lab.sh keeps what it made in /run/labforge-lxc), and a
# fresh sysfs is mounted over /sys with the host's cgroup mounts moved into it: sysfs lists the
# network devices of the namespace that mounted it, and without a fresh one LXC says the lab's
# bridge "doesn't exist" (docs: ../shared consumers.md, "Classic LXC with our seed").
# Needs root and unshare/nsenter (util-linux >= 2.32).
#
# Stopping never uses a process name: the processes are found by their PID namespace (the holder
# is its PID 1) and signalled by PID; the holder's death makes the kernel kill what is left,
# containers included (their PID namespaces are nested in ours).
set -euo pipefail

die() { echo "lxc-ns: $*" >&2; exit 2; }

holder_pid() {
  local dir="$1" pid
  [[ -s $dir/holder.pid ]] || die "no namespace in $dir (start it first)"
  pid="$(cat "$dir/holder.pid")"
  [[ -d /proc/$pid ]] || die "namespace holder $pid of $dir is gone"
  echo "$pid"
}

# Runs as PID 1 of the new namespaces: private mounts, loopback, then waits.
inside() {
  local dir="$1"
  mount --make-rprivate /
  mount -t tmpfs -o mode=0755 lxc-ns /run
  mkdir -p /run/lock /var/lib/lxc "$dir/cgroup"
  mount --bind "$dir/lxc" /var/lib/lxc
  mount --rbind /sys/fs/cgroup "$dir/cgroup"
  mount -t sysfs lxc-ns /sys
  mount --move "$dir/cgroup" /sys/fs/cgroup
  ip link set lo up
  trap 'exit 0' TERM INT
  echo ready >"$dir/inside.ready"
  # PID 1 of the namespace: reaps what lxc-start leaves behind until stopped.
  while :; do sleep 3600 & wait $! || true; done
}

start() {
  local dir="$1" pid i
  mkdir -p "$dir/lxc"
  dir="$(cd "$dir" && pwd)"
  chmod 0711 "$dir"
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
  echo "$pid"
}

# PIDs (host view) of every process whose PID namespace is the holder's, the holder excluded.
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
    mapfile -t pids < <(members "$pid")
    if ((${#pids[@]} > 0)); then
      echo "lxc-ns: stopping what is left in the namespace: ${pids[*]}" >&2
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
  run)
    [[ $# -ge 1 ]] || die "run needs a command"
    pid="$(holder_pid "$dir")"
    exec nsenter --target "$pid" --net --mount --pid --wd="$PWD" -- "$@"
    ;;
  stop) stop "$dir" ;;
  __inside) inside "$dir" ;;
  *) die "unknown command $cmd" ;;
esac
