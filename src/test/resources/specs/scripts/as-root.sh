#!/bin/sh
# privileged: true -- Vagrant runs this with sudo.
set -eu
printf '%s %s\n' "$(id -un)" "$(hostname)" > /var/tmp/labforge-script-root.txt
