#!/bin/sh
# Image script of the packer-installers test spec: quotes ' " and ${HOME} stay as written.
set -eu
echo "built by packer for ${LAB_NAME:-lab}" > /etc/motd
