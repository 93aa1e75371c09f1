#!/bin/sh -e
if command -v cloud-init >/dev/null 2>&1; then cloud-init status --wait >/dev/null || true; fi
