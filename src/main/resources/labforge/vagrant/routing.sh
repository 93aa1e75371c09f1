# A router (forwarding true) forwards IPv4 now and after reboots; routes are "TO VIA" lines,
# set again on every `vagrant up` (run: always), as they do not survive a reboot.
if [ -n "$sysctl_file" ]; then
  printf %s "$sysctl_content" > "$sysctl_file"
  sysctl -q -p "$sysctl_file"
fi
printf '%s\n' "$routes" | while read -r to via; do
  if [ -n "$to" ]; then
    ip route replace "$to" via "$via"
  fi
done
