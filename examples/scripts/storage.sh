#!/bin/sh
# Prepare a libvirt storage pool on the data disk for LPIC-3 353 exercises.
set -eu
mkdir -p /srv/data/images
if command -v virsh >/dev/null 2>&1; then
  virsh pool-info lab >/dev/null 2>&1 || virsh pool-define-as lab dir --target /srv/data/images
  virsh pool-autostart lab
  virsh pool-start lab 2>/dev/null || true
fi
