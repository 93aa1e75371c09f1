#!/bin/sh
# labforge: cloud-init runs this in the final stage of every boot. The checks detach at once and
# run when cloud-init has finished the boot (docs/checks.md).
exec /usr/local/sbin/labforge-check --boot
