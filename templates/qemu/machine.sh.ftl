#!/usr/bin/env bash
# labforge: machine ${machine} of lab ${lab} on plain QEMU, as an ordinary user. Generated; edit the lab spec instead.
<#if description??>
# ${esc.shComment(description)}
</#if>
#
# `./lab.sh up` runs this in the lab's state folder, where the files it names are (the overlay,
# data disks, seed) and where it leaves its PID, sockets and console log. Each option below says
# why it is there; docs/targets/qemu.md explains them one by one.
#
# Environment (lab.sh sets them):
#   LABFORGE_QEMU_ACCEL    kvm when /dev/kvm starts a guest on this host, else tcg (the default)
#   LABFORGE_QEMU_KERNEL, LABFORGE_QEMU_INITRD, LABFORGE_QEMU_CMDLINE
#                          direct kernel boot, for an image without a boot loader; the command
#                          line defaults to "${defaultCmdline}"
set -euo pipefail

ACCEL="${r"${LABFORGE_QEMU_ACCEL:-tcg}"}"
BOOT=()
if [[ -n ${r"${LABFORGE_QEMU_KERNEL:-}"} ]]; then
  BOOT+=(-kernel "$LABFORGE_QEMU_KERNEL" -append "${r"${LABFORGE_QEMU_CMDLINE:-"}${defaultCmdline}}")
  [[ -z ${r"${LABFORGE_QEMU_INITRD:-}"} ]] || BOOT+=(-initrd "$LABFORGE_QEMU_INITRD")
fi

QEMU_ARGS=(
  -accel "$ACCEL"  # kvm, or tcg: QEMU emulates the CPU in software
<#list args as a>
  ${a.option}<#if a.value??> ${esc.sh(a.value)}</#if>  # ${esc.shComment(a.why)}
</#list>
)

exec qemu-system-x86_64 "${r"${QEMU_ARGS[@]}"}" "${r"${BOOT[@]}"}"
