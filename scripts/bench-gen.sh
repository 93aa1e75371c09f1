#!/usr/bin/env bash
# Measures `labforge gen` on a spec as a user runs it: wall time with JVM start, and peak RSS.
# Usage: scripts/bench-gen.sh [SPEC] [RUNS]   (default: the built-in example, 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-}
runs=${2:-10}
[ -f target/labforge.jar ] || mvn -B -q -DskipTests package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -jar target/labforge.jar gen $spec -o "$out/warm" >/dev/null   # fill the page cache once
times=()
peak=0
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    rss=$( { /usr/bin/time -f '%M' java -jar target/labforge.jar gen $spec -o "$out/$i" >/dev/null; } 2>&1 | tail -1)
    [ "$rss" -gt "$peak" ] && peak=$rss
  else
    java -jar target/labforge.jar gen $spec -o "$out/$i" >/dev/null
  fi
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "gen ${spec:-<built-in lpic3-353>}: runs=$runs min=${sorted[0]}ms median=${sorted[$((runs / 2))]}ms max=${sorted[$((runs - 1))]}ms peak_rss=${peak}KiB"
