#!/bin/sh
# privileged: false -- Vagrant runs this as its SSH user, without sudo.
set -eu
printf '%s %s\n' "$(id -un)" "$(hostname)" > /tmp/labforge-script-user.txt
