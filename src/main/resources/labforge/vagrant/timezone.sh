# timedatectl needs D-Bus, which a minimal box may lack ("Failed to connect to bus"): then the link.
if ! timedatectl set-timezone "$timezone" 2>/dev/null; then
  ln -sf "/usr/share/zoneinfo/$timezone" /etc/localtime
  if [ -f /etc/timezone ]; then
    printf '%s\n' "$timezone" > /etc/timezone
  fi
fi
