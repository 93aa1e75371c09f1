#!/bin/sh
# Pings every address in /etc/labforge/route-peers ("name address" lines), which lie on another
# network, reachable only through the lab's router; waits for peers that still boot. Logs the
# routing table, then per peer "route NAME ADDRESS ok|FAILED" and the ping output, to
# /var/log/labforge-route.log and the console.
set -u
log=/var/log/labforge-route.log
ip -4 route show >"$log"
while read -r name address; do
  result=FAILED
  tries=0
  while [ "$tries" -lt 600 ]; do
    if ping -c 1 -W 2 "$address" >/dev/null 2>&1; then
      result=ok
      break
    fi
    tries=$((tries + 1))
    sleep 1
  done
  echo "route $name $address $result" >>"$log"
  ping -c 3 -W 2 "$address" >>"$log" 2>&1
done </etc/labforge/route-peers
cat "$log"
