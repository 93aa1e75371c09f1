if ! id -u "$name" >/dev/null 2>&1; then
  useradd --create-home --shell "$shell" "$name"
fi
usermod --shell "$shell" "$name"
printf %s "$groups" | while IFS= read -r group; do
  if ! getent group "$group" >/dev/null; then
    groupadd "$group"
  fi
  usermod --append --groups "$group" "$name"
done
home="$(getent passwd "$name" | cut -d: -f6)"
primary="$(id -gn "$name")"
install -d -m 0700 -o "$name" -g "$primary" "$home/.ssh"
touch "$home/.ssh/authorized_keys"
printf %s "$ssh_authorized_keys" | while IFS= read -r key; do
  if ! grep -qxF -- "$key" "$home/.ssh/authorized_keys"; then
    printf '%s\n' "$key" >> "$home/.ssh/authorized_keys"
  fi
done
chown "$name:$primary" "$home/.ssh/authorized_keys"
chmod 0600 "$home/.ssh/authorized_keys"
if [ -n "$password_hash" ]; then
  printf '%s:%s\n' "$name" "$password_hash" | chpasswd -e
fi
if [ -n "$sudo_rule" ]; then
  printf '%s %s\n' "$name" "$sudo_rule" > "/etc/sudoers.d/90-labforge-$name"
  chmod 0440 "/etc/sudoers.d/90-labforge-$name"
fi
