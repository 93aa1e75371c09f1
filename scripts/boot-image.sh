#!/usr/bin/env bash
# Builds (or reuses) the minimal Debian 12 guest the boot test runs labforge's seeds in.
# Prints the folder holding disk.qcow2, vmlinuz and initrd.img.
#
# Why debootstrap and not the Debian cloud image: the only reachable network is the Debian
# mirror, so the guest is built from packages. No mounts are possible here, so the disk is
# made with `mkfs.ext4 -d` and the kernel is booted directly by QEMU (no boot loader).
#
# Environment:
#   LABFORGE_BOOT_CACHE   cache folder (default ~/.cache/labforge-boot)
#   LABFORGE_BOOT_EXTRA   extra packages, comma-separated: the Packer build's guest has no network,
#                         so packages its provisioners install must already be in the image.
# The cache key is this script's own hash plus the extra packages: a changed recipe rebuilds.
#
# The image has no net-tools, as Debian's cloud images have none: cloud-init 22.4 renders routes for
# ifupdown as `post-up route add ... || true`, which fails silently without it, and the proofs must
# see what a user's guest does. Neither the extra packages nor their dependencies may bring it in.
set -euo pipefail

cache_root="${LABFORGE_BOOT_CACHE:-$HOME/.cache/labforge-boot}"
extra="${LABFORGE_BOOT_EXTRA:-}"
[[ $extra =~ ^[a-z0-9.+,-]*$ ]] || { echo "boot-image: bad package list: $extra" >&2; exit 2; }
self="$(readlink -f "${BASH_SOURCE[0]}")"
key="debian12-$( (cat "$self"; echo "extra=$extra") | sha256sum | cut -c1-16)"
out="$cache_root/$key"

packages=linux-image-cloud-amd64,initramfs-tools,systemd-sysv,udev,kmod,util-linux,cloud-init
# python3-cffi-backend must be named: cloud-init needs it through a virtual package
# (python3-cffi-backend-api-*), and debootstrap's resolver does not follow virtual packages.
packages+=,python3-cffi-backend,ifupdown,isc-dhcp-client,sudo,netbase,procps
# Packer's communicator is SSH (over a loopback-only port forward, see docs/testing.md); it also
# lets cloud-init's ssh and ssh_pwauth settings act for real instead of being skipped.
packages+=,openssh-server
# The lab proofs (libvirt, LXD, Vagrant) ping between machines; minbase has no ping.
packages+=,iputils-ping
# The qemu target's guests run the QEMU guest agent (lab.sh status and the boot proof ask it), and
# seeds name it as a package: offline, cloud-init's apt only finds it installed already.
packages+=,qemu-guest-agent
packages+="${extra:+,$extra}"
[[ ,$extra, != *,net-tools,* ]] || { echo "boot-image: net-tools must stay out of the image (LABFORGE_BOOT_EXTRA=$extra)" >&2; exit 2; }

log() { echo "boot-image: $*" >&2; }

# The mirror apt already uses on this host; never a hard-coded one.
mirror() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [[ -r $f ]]; then
    awk '
      /^URIs:/   { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") ok = 1 }
      /^$/       { if (ok && uri) { print uri; exit } uri = ""; ok = 0 }
      END        { if (ok && uri) print uri }' "$f" | head -n1
  fi
  if [[ -r /etc/apt/sources.list ]]; then
    awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list
  fi
}

build() {
  local work="$1" url
  url="$(mirror | head -n1)"
  [[ -n $url ]] || { log "no bookworm mirror in apt's sources"; exit 2; }
  log "debootstrap from $url"
  debootstrap --variant=minbase --components=main --include="$packages" \
    bookworm "$work/rootfs" "$url" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

  local root="$work/rootfs"
  if [[ -e $root/var/lib/dpkg/info/net-tools.list || -e $root/sbin/route || -e $root/usr/sbin/route ]]; then
    log "net-tools is in the image (pulled in by: $packages)"; exit 1
  fi
  # A known name that is not the machine's: the test proves cloud-init replaced it.
  echo labforge-base >"$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
  echo 'LABEL=root / ext4 defaults,errors=remount-ro 0 1' >"$root/etc/fstab"
  printf 'auto lo\niface lo inet loopback\nsource /etc/network/interfaces.d/*\n' >"$root/etc/network/interfaces"
  cat >"$root/etc/cloud/cloud.cfg.d/90-labforge-boot.cfg" <<'CFG'
# Seeds come from a CD (config drive config-2 or NoCloud cidata), or from LXD's config keys when
# the same rootfs runs as an LXD container: ds-identify finds LXD only where /dev/lxd/sock exists.
datasource_list: [ LXD, ConfigDrive, NoCloud, None ]
# minbase has no locales package; without this cc_locale fails.
locale: C.UTF-8
CFG
  # A fresh identity on every boot of a copy, as a cloud image has: machine id and SSH host
  # keys are made on first boot (cloud-init's ssh module); the host's resolver is not kept.
  : >"$root/etc/machine-id"
  rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*_key* "$root/etc/resolv.conf"
  rm -rf "$root/var/lib/cloud"/* "$root/var/cache/apt"/*.bin "$root/var/lib/apt/lists"/*_* "$root/var/cache/apt/archives"/*.deb

  cp "$(ls "$root"/boot/vmlinuz-* | sort | tail -n1)" "$work/vmlinuz"
  cp "$(ls "$root"/boot/initrd.img-* | sort | tail -n1)" "$work/initrd.img"
  mkfs.ext4 -q -d "$root" -L root "$work/disk.img" 2G >&2   # it names the file it creates on stdout
  qemu-img convert -f raw -O qcow2 "$work/disk.img" "$work/disk.qcow2"
  rm -rf "$root" "$work/disk.img"
}

if [[ ! -f $out/disk.qcow2 ]]; then
  mkdir -p "$cache_root"
  exec 9>"$cache_root/.lock"
  flock 9    # two test runs must not build into the same place
  if [[ ! -f $out/disk.qcow2 ]]; then
    start=$SECONDS
    work="$(mktemp -d "$cache_root/.build-XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    build "$work"
    rm -f "$work/debootstrap.log"
    rm -rf "$out"
    mv "$work" "$out"
    trap - EXIT
    log "built $out in $((SECONDS - start)) s"
  fi
fi
echo "$out"
