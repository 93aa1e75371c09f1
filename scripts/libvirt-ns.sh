#!/usr/bin/env bash
# A private libvirt for tests: virtlogd + libvirtd (no systemd) inside a network, mount and PID
# namespace that this script creates, so that every bridge, address, dnsmasq and guest of a lab
# stays inside it and nothing reaches the host's interfaces or another helper's daemons.
#
#   libvirt-ns.sh start DIR          start the namespace and its daemons; prints the holder's PID
#   libvirt-ns.sh run DIR CMD...     run CMD inside it (nsenter by the holder's PID)
#   libvirt-ns.sh stop DIR           destroy domains, then stop every process in it by PID
#
# DIR (created if missing) keeps the state: holder.pid, the daemons' logs, unshare's output.
# Inside, tmpfs hides the host's /run, /var/lib/libvirt, /var/cache/libvirt, /var/log/libvirt
# and /etc/libvirt/qemu (so the host's autostart "default" network is not seen either). Everything
# else of the file system is shared with the host, so files under DIR or a test's work folder are
# visible on both sides. Needs root, unshare/nsenter (util-linux >= 2.32), libvirtd, virtlogd.
#
# Stopping never uses a process name: the processes are found by their PID namespace (the holder
# is its PID 1), signalled by PID, and the holder's death makes the kernel kill what is left.
set -euo pipefail

# The state folders libvirt writes; each gets an empty tmpfs inside the namespace.
PRIVATE_DIRS=(/run /var/lib/libvirt /var/cache/libvirt /var/log/libvirt /etc/libvirt/qemu)

die() { echo "libvirt-ns: $*" >&2; exit 2; }

holder_pid() {
  local dir="$1" pid
  [[ -s $dir/holder.pid ]] || die "no namespace in $dir (start it first)"
  pid="$(cat "$dir/holder.pid")"
  [[ -d /proc/$pid ]] || die "namespace holder $pid of $dir is gone"
  echo "$pid"
}

enter() {
  local pid="$1"; shift
  nsenter --target "$pid" --net --mount --pid --wd="$PWD" -- "$@"
}

# Runs as PID 1 of the new namespaces: private mounts, loopback, the daemons, then waits.
inside() {
  local dir="$1" d
  mount --make-rprivate /
  for d in "${PRIVATE_DIRS[@]}"; do
    mount -t tmpfs -o mode=0755 "libvirt-ns" "$d"
  done
  mkdir -p /run/lock /run/libvirt /var/lib/libvirt/images /var/log/libvirt/qemu /etc/libvirt/qemu/networks
  chmod 0711 /var/lib/libvirt/images   # as Debian ships it: libvirt-qemu may traverse, not list
  ln -s /dev/shm /run/shm
  ip link set lo up
  virtlogd -d
  libvirtd -d --pid-file /run/libvirtd.pid
  # The daemons inherit the namespaces; this shell stays as their PID 1 until stopped.
  trap 'exit 0' TERM INT
  echo ready >"$dir/inside.ready"
  while :; do sleep 3600 & wait $!; done
}

start() {
  local dir="$1" pid i
  mkdir -p "$dir"
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
  # libvirtd creates its sockets a moment after daemonizing.
  for ((i = 0; i < 150; i++)); do
    if enter "$pid" virsh -q -c qemu:///system version >/dev/null 2>&1; then
      echo "$pid"
      return 0
    fi
    sleep 0.2
  done
  stop "$dir" || true
  die "libvirtd did not answer within 30 s (see $dir/unshare.log)"
}

# PIDs (host view) of every process whose PID namespace is the holder's, the holder excluded.
members() {
  local holder="$1" ns p
  ns="$(readlink "/proc/$holder/ns/pid")"
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    [[ $p != "$holder" ]] || continue
    [[ "$(readlink "/proc/$p/ns/pid" 2>/dev/null)" == "$ns" ]] && echo "$p"
  done
  return 0
}

stop() {
  local dir="$1" pid dom pids i
  [[ -s $dir/holder.pid ]] || return 0
  pid="$(cat "$dir/holder.pid")"
  if [[ -d /proc/$pid ]]; then
    # Guests first, through libvirt (SIGTERM to QEMU, which closes its disks cleanly).
    for dom in $(enter "$pid" virsh -q -c qemu:///system list --name 2>/dev/null || true); do
      enter "$pid" virsh -q -c qemu:///system destroy "$dom" >/dev/null 2>&1 || true
    done
    mapfile -t pids < <(members "$pid")
    ((${#pids[@]} == 0)) || kill -TERM "${pids[@]}" 2>/dev/null || true
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
  run) [[ $# -ge 1 ]] || die "run needs a command"; enter "$(holder_pid "$dir")" "$@" ;;
  stop) stop "$dir" ;;
  __inside) inside "$dir" ;;
  *) die "unknown command $cmd" ;;
esac
