dev="/dev/$device"
if [ ! -b "$dev" ]; then
  dev="/dev/sd${device#vd}"
fi
if ! command -v "mkfs.$fs" >/dev/null 2>&1 && [ "$fs" = xfs ]; then
  if [ "$manager" = apt ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q xfsprogs
  else
    dnf install -y xfsprogs
  fi
fi
if ! blkid "$dev" >/dev/null 2>&1; then
  "mkfs.$fs" "$dev"
fi
uuid="$(blkid -s UUID -o value "$dev")"
mkdir -p "$mount"
if ! grep -q "^UUID=$uuid " /etc/fstab; then
  printf 'UUID=%s %s %s defaults,nofail 0 2\n' "$uuid" "$mount" "$fs" >> /etc/fstab
fi
if ! mountpoint -q "$mount"; then
  mount "$mount"
fi
