#!/usr/bin/env bash
# Makes (or reuses) an LXD container image of the shared boot image (scripts/boot-image.sh) and
# prints its folder, which holds meta.tar and rootfs.tar.gz for
#   lxc image import meta.tar rootfs.tar.gz --alias NAME
#
# The boot image is a qcow2 of an ext4 root file system and cannot be mounted here, so its files
# are read with debugfs (qemu-img convert to raw, then `debugfs -R 'rdump / DIR'`), which keeps
# owners, rwx modes and symlinks; special mode bits and file capabilities are restored from the
# inodes. The result is cached next to the boot image, in <boot image>/lxd/, so it follows the
# boot image's own cache key.
set -euo pipefail

self_dir="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
base="$("$self_dir/boot-image.sh")"
out="$base/lxd"

log() { echo "lxd-image: $*" >&2; }

build() {
  local work="$1"
  qemu-img convert -f qcow2 -O raw "$base/disk.qcow2" "$work/disk.raw"
  mkdir "$work/rootfs"
  # rdump writes DIR/<name of the dumped folder>; for / that name is empty, so DIR itself is the root.
  debugfs -R "rdump / $work/rootfs" "$work/disk.raw" >"$work/debugfs.log" 2>&1 \
    || { tail -n 20 "$work/debugfs.log" >&2; exit 1; }
  local root="$work/rootfs"
  # rdump keeps only the rwx bits and no extended attributes: put back setuid/setgid/sticky
  # (sudo, passwd, /tmp) and file capabilities (ping's cap_net_raw) from the ext4 inodes.
  python3 - "$work/disk.raw" "$root" <<'PY'
import os, re, subprocess, sys
raw, root = sys.argv[1], sys.argv[2]
def debugfs(cmds):
    p = subprocess.run(["debugfs", "-f", "-", raw], input="\n".join(cmds) + "\n",
                       capture_output=True, text=True, check=True)
    return p.stdout
dirs = []
for d, _, _ in os.walk(root):
    dirs.append("/" + os.path.relpath(d, root).lstrip("."))
files, special = [], 0
cur = None
for line in debugfs(['ls -p "%s"' % d.replace("//", "/") for d in dirs]).splitlines():
    m = re.match(r'^debugfs: ls -p "(.*)"$', line)
    if m:
        cur = m.group(1); continue
    m = re.match(r'^/(\d+)/(\d+)/(\d+)/(\d+)/(.*)/(\d*)/$', line)
    if not m or cur is None or m.group(5) in (".", ".."):
        continue
    mode = int(m.group(2), 8)
    path = os.path.join(cur, m.group(5))
    if (mode & 0o170000) == 0o100000:
        files.append(path)
    if mode & 0o7000 and (mode & 0o170000) != 0o120000:
        os.chmod(root + path, mode & 0o7777); special += 1
caps = 0
cur = None
for line in debugfs(['ea_list "%s"' % f for f in files]).splitlines():
    m = re.match(r'^debugfs: ea_list "(.*)"$', line)
    if m:
        cur = m.group(1); continue
    m = re.match(r'^\s+security\.capability \((\d+)\) = ((?:[0-9a-f]{2} ?)+)$', line)
    if m and cur:
        os.setxattr(root + cur, "security.capability", bytes.fromhex(m.group(2).replace(" ", "")), follow_symlinks=False)
        caps += 1
print(f"special modes {special}, capabilities {caps}", file=sys.stderr)
PY
  rm -f "$work/disk.raw"
  [[ -x $root/usr/bin/cloud-init ]] || { log "no cloud-init in the extracted root file system"; exit 1; }
  rm -rf "$root/lost+found"
  tar --numeric-owner --xattrs --xattrs-include=security.capability -C "$root" -czf "$work/rootfs.tar.gz" .
  rm -rf "$root"
  # creation_date is the boot image's build time, so the same image gives the same metadata.
  local created
  created="$(stat -c %Y "$base/disk.qcow2")"
  mkdir "$work/meta"
  cat >"$work/meta/metadata.yaml" <<META
architecture: x86_64
creation_date: $created
properties:
  description: labforge boot image (Debian 12, cloud-init 22.4, LXD first in datasource_list)
  os: debian
  release: bookworm
META
  tar --numeric-owner --owner=0 --group=0 -C "$work/meta" -cf "$work/meta.tar" metadata.yaml
  rm -rf "$work/meta" "$work/debugfs.log"
}

if [[ ! -f $out/rootfs.tar.gz ]]; then
  # Our own lock, in the image's folder: boot-image.sh's lock is held while any image is built.
  exec 9>"$base/.lxd.lock"
  flock 9
  if [[ ! -f $out/rootfs.tar.gz ]]; then
    start=$SECONDS
    work="$(mktemp -d "$base/.lxd-XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    build "$work"
    rm -rf "$out"
    mv "$work" "$out"
    trap - EXIT
    log "built $out in $((SECONDS - start)) s"
  fi
fi
echo "$out"
