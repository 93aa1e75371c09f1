#!/bin/sh
# Runs as the SSH user (privileged: false): writes into that user's home.
echo "hello from $(id -un)" > "$HOME/hello.txt"
