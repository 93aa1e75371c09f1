#!/usr/bin/env bash
# labforge: lab ${lab} on libvirt. Generated; edit the lab spec instead.
#
#   ./lab.sh up [--wait [SECONDS]]
#                          fetch the images, create the disks, define and start networks and
#                          domains; with --wait, then wait (default 600 s) until every machine has
#                          reported its in-guest checks
#   ./lab.sh down          destroy and undefine them and delete the disks; nothing else
#   ./lab.sh status        the state of every network and domain of the lab
#   ./lab.sh check         every machine's in-guest checks, from its console log: a table per
#                          machine; exit 0 only when every machine reported and no check failed
#   ./lab.sh console M     the serial console of machine M (leave it with Ctrl+])
#   ./lab.sh ssh [-i KEY] M [ARGS]
#                          ssh to machine M through ../inventory/ssh_config (its login user, an
#                          address the host reaches or a jump through a machine that does), with
#                          the key KEY (default $LABFORGE_SSH_KEY) on every hop; host keys are
#                          accepted on first contact and kept in .ssh/known_hosts next to lab.sh
#
# Environment:
#   LIBVIRT_DEFAULT_URI     the libvirt connection (default qemu:///system)
#   LABFORGE_POOL           folder for disks and seeds (default ${defaultPool}); libvirt's QEMU
#                           user (libvirt-qemu on Debian) must be able to reach it
#   LABFORGE_CACHE          downloaded images (default $LABFORGE_POOL/cache), kept by `down`
#   LABFORGE_SSH_KEY        the private key `ssh` uses unless -i names one
#   LABFORGE_IMAGE_<image>  a local image file instead of the download, e.g. Packer's artifact
#   LABFORGE_KERNEL_<image>, LABFORGE_INITRD_<image>, LABFORGE_CMDLINE_<image>
#                           direct kernel boot, for an image without a boot loader; the command
#                           line defaults to "${defaultCmdline}"
# <image> is the image's name with every character other than a letter or digit as "_",
# e.g. LABFORGE_IMAGE_${imageEnvExample}=./output/${imageExample}.qcow2.
#
# `up` is idempotent: what exists already is left as it is, so a second `up` changes nothing.
set -euo pipefail

LAB=${esc.sh(lab)}
DEFAULT_POOL=${esc.sh(defaultPool)}
DEFAULT_CMDLINE=${esc.sh(defaultCmdline)}

# Images: name, source URL, checksum (none, ALGO:HEX or file:URL), format.
IMAGES=(<#list images as i>${esc.sh(i.name)}<#sep> </#sep></#list>)
IMAGE_URL=(<#list images as i>${esc.sh(i.url)}<#sep> </#sep></#list>)
IMAGE_CHECKSUM=(<#list images as i>${esc.sh(i.checksum)}<#sep> </#sep></#list>)
IMAGE_FORMAT=(<#list images as i>${esc.sh(i.format)}<#sep> </#sep></#list>)

# Networks: libvirt name, XML file.
NETWORKS=(<#list networks as n>${esc.sh(n.name)}<#sep> </#sep></#list>)
NETWORK_XML=(<#list networks as n>${esc.sh(n.file)}<#sep> </#sep></#list>)

# Machines: name, libvirt domain, XML file, image, root disk MiB, first fixed address (none: DHCP).
MACHINES=(<#list machines as m>${esc.sh(m.machine)}<#sep> </#sep></#list>)
DOMAINS=(<#list machines as m>${esc.sh(m.name)}<#sep> </#sep></#list>)
DOMAIN_XML=(<#list machines as m>${esc.sh(m.file)}<#sep> </#sep></#list>)
MACHINE_IMAGE=(<#list machines as m>${esc.sh(m.image)}<#sep> </#sep></#list>)
ROOT_MIB=(<#list machines as m>${m.rootMib?c}<#sep> </#sep></#list>)
SSH_HOST=(<#list machines as m>${esc.sh(m.sshHost)}<#sep> </#sep></#list>)

# Data disks: file name in the lab folder, MiB.
DISK_FILE=(<#list disks as d>${esc.sh(d.file)}<#sep> </#sep></#list>)
DISK_MIB=(<#list disks as d>${d.sizeMib?c}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>
<#include "lab.sh.body" parse=false>

lab_main "$@"
