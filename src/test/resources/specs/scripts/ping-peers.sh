#!/bin/sh
# Pings every peer in /etc/labforge/peers ("network name address" lines) by address and by name,
# waiting for peers that are still booting, and logs one line per try target to
# /var/log/labforge-peers.log and the console: "peer NETWORK NAME TARGET ok|FAILED RESOLVED".
set -u
# The image has no resolvconf, which is what would apply the dns-nameservers cloud-init wrote for
# ifupdown; do its job, so that names resolve through the lab networks' DNS (libvirt's dnsmasq).
awk '/dns-nameservers/ { for (i = 2; i <= NF; i++) print "nameserver " $i }' \
  /etc/network/interfaces.d/50-cloud-init >/etc/resolv.conf
log=/var/log/labforge-peers.log
: >"$log"
while read -r net name address; do
  for target in "$address" "$name"; do
    result=FAILED
    tries=0
    while [ "$tries" -lt 300 ]; do
      if ping -c 1 -W 2 "$target" >/dev/null 2>&1; then
        result=ok
        break
      fi
      tries=$((tries + 1))
      sleep 1
    done
    resolved="$(getent hosts "$target" | awk '{ print $1; exit }')"
    echo "peer $net $name $target $result ${resolved:-unresolved}" | tee -a "$log"
  done
done </etc/labforge/peers
findmnt -n -o SOURCE,TARGET,FSTYPE /srv/data >>"$log" 2>/dev/null || true
