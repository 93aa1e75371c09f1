#!/bin/sh
# Runs as the first user (privileged: false): writes where that user may.
set -eu
echo "report by $(id -un) on $(hostname)" > "$HOME/report.txt"
