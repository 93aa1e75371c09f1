#!/usr/bin/env bash
# labforge: lab ${lab} on plain QEMU, as an ordinary user (no root, bridge, tap or libvirt). Generated.
#
#   ./lab.sh up [--wait [SECONDS]]
#                          create the overlays, disks and seeds and start every machine's launcher
#                          (kvm when /dev/kvm starts a guest here, else tcg); with --wait, then wait
#                          (default 600 s) until every machine has reported its in-guest checks
#   ./lab.sh down          stop the QEMU processes `up` started (by their PIDs) and delete the
#                          lab's state folder; nothing else
#   ./lab.sh status        every machine: running or not, its PID, SSH port and, through the guest
#                          agent, whether cloud-init has finished
#   ./lab.sh check         every machine's in-guest checks, from its console log: a table per
#                          machine; exit 0 only when every machine reported and no check failed
#   ./lab.sh console M     the serial console of machine M (socat; leave it with Ctrl+])
#   ./lab.sh ssh [-i KEY] M [ARGS]
#                          ssh to machine M through its management NIC's port forward (the Host
#                          M.qemu of ../inventory/ssh_config), with the key KEY (default
#                          $LABFORGE_SSH_KEY); host keys are kept in .ssh/known_hosts next to lab.sh
#   ./lab.sh snapshot NAME save the whole lab (every machine paused, then savevm NAME through QMP)
#   ./lab.sh restore NAME  return the whole lab to snapshot NAME (loadvm)
#
# Environment:
#   LABFORGE_QEMU_STATE     the lab's state folder: overlays, seeds, PIDs, sockets, logs (default
#                           ${r"${XDG_STATE_HOME:-$HOME/.local/state}"}/labforge/qemu/<lab>)
#   LABFORGE_QEMU_ACCEL     kvm, tcg (or hvf on macOS) instead of the test `up` makes
#   LABFORGE_CACHE          downloaded images (default ${r"${XDG_CACHE_HOME:-$HOME/.cache}"}/labforge/images)
#   LABFORGE_SSH_KEY        the private key `ssh` uses unless -i names one
#   LABFORGE_IMAGE_<image>  a local image file instead of the download, e.g. Packer's artifact
#   LABFORGE_KERNEL_<image>, LABFORGE_INITRD_<image>, LABFORGE_CMDLINE_<image>
#                           direct kernel boot, for an image without a boot loader; the command
#                           line defaults to "${defaultCmdline}"
# <image> is the image's name with every character other than a letter or digit as "_",
# e.g. LABFORGE_IMAGE_${imageEnvExample}=./output/${imageExample}.qcow2.
#
# `up` is idempotent: a machine that runs is left as it is, so a second `up` changes nothing.
# Lab networks (multicast group:port on the host's loopback, docs/targets/qemu.md):
<#list segments as s>
#   ${s.network?right_pad(22)} ${s.address}
</#list>
set -euo pipefail

LAB=${esc.sh(lab)}

# Images: name, source URL, checksum (none, ALGO:HEX or file:URL), format.
IMAGES=(<#list images as i>${esc.sh(i.name)}<#sep> </#sep></#list>)
IMAGE_URL=(<#list images as i>${esc.sh(i.url)}<#sep> </#sep></#list>)
IMAGE_CHECKSUM=(<#list images as i>${esc.sh(i.checksum)}<#sep> </#sep></#list>)
IMAGE_FORMAT=(<#list images as i>${esc.sh(i.format)}<#sep> </#sep></#list>)

# Machines: name, launcher, image, root disk MiB, SSH port on 127.0.0.1.
MACHINES=(<#list machines as m>${esc.sh(m.machine)}<#sep> </#sep></#list>)
LAUNCHER=(<#list machines as m>${esc.sh(m.file)}<#sep> </#sep></#list>)
MACHINE_IMAGE=(<#list machines as m>${esc.sh(m.image)}<#sep> </#sep></#list>)
ROOT_MIB=(<#list machines as m>${m.rootMib?c}<#sep> </#sep></#list>)
SSH_PORT=(<#list machines as m>${m.sshPort?c}<#sep> </#sep></#list>)

# Data disks: file name in the state folder, MiB.
DISK_FILE=(<#list disks as d>${esc.sh(d.file)}<#sep> </#sep></#list>)
DISK_MIB=(<#list disks as d>${d.sizeMib?c}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>
<#include "lab.sh.body" parse=false>

lab_main "$@"
