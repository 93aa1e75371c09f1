#!/bin/sh
# privileged: false -- runs as the machine's login user (the spec's first user), not as root.
set -eu
printf '%s %s\n' "$(id -un)" "$(hostname)" > /tmp/labforge-script-user.txt
