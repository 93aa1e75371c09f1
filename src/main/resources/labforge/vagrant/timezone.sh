if command -v timedatectl >/dev/null 2>&1; then
  timedatectl set-timezone "$timezone"
else
  ln -sf "/usr/share/zoneinfo/$timezone" /etc/localtime
fi
