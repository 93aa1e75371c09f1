#!/usr/bin/env bash
# labforge: lab ${lab} as classic LXC containers. Generated; edit the lab spec instead.
#
#   ./lab.sh up          make the bridges, each container's root file system (a copy of its
#                        image) and seed, then lxc-create and lxc-start every container
#   ./lab.sh up --wait [SECONDS]
#                        the same, then wait (default 600 s) until every machine has reported its
#                        in-guest checks
#   ./lab.sh down        stop and destroy this lab's containers (lxc-destroy deletes each one's
#                        folder: its root file system, seed and data folders), then delete the
#                        bridges that `up` made; nothing else
#   ./lab.sh status      the state and addresses of every container
#   ./lab.sh console M   the console of machine M (lxc-console; leave it with Ctrl-a q)
#   ./lab.sh attach M    a root login shell in machine M (lxc-attach)
#   ./lab.sh check       every machine's in-guest checks (lxc-attach M -- cat
#                        /var/lib/labforge/check.json): a table per machine; exit 0 only when
#                        every machine reported and no check failed
#
# Run as root with LXC 5.x (lxc-create, lxc-start, lxc-attach, ...), ip (iproute2) and tar.
# Each container lives in ${lxcPath}/<container>: its config (from lxc/<machine>/config), its
# own copy of the root file system, its NoCloud seed (from ../cloud-init/<machine>/) and data
# folders; container and bridge names carry the lab's name (two labs may share a host).
#
# Environment:
#   LABFORGE_LXC_IMAGE_<image>   the root file system of spec image <image>: a folder, or a tarball
#                                of one (anything tar reads); copied into every container of that
#                                image. Unset: LXC's download template fetches it (needs the
#                                network). <image> is the image's name with every character other
#                                than a letter or digit as "_".
<#list images as i>
#   ${i.variable} unset: lxc-create -t download -- -d ${i.distribution} -r ${i.release} -a ${i.arch} --variant ${i.variant}
</#list>
set -euo pipefail

LAB=${esc.sh(lab)}
LXC_PATH=${esc.sh(lxcPath)}
# The bridges `up` made (and so `down` deletes), one a line.
STATE=${esc.sh(stateFile)}

# Bridges, one per lab network, and the host's address on each ("" when a machine owns the gateway).
BRIDGES=(<#list bridges as b>${esc.sh(b.name)}<#sep> </#sep></#list>)
BRIDGE_ADDRESS=(<#list bridges as b>${esc.sh(b.address!"")}<#sep> </#sep></#list>)

# Images: spec name, the variable naming a local root file system, the download template's names.
IMAGES=(<#list images as i>${esc.sh(i.name)}<#sep> </#sep></#list>)
IMAGE_VARIABLE=(<#list images as i>${esc.sh(i.variable)}<#sep> </#sep></#list>)
IMAGE_DIST=(<#list images as i>${esc.sh(i.distribution)}<#sep> </#sep></#list>)
IMAGE_RELEASE=(<#list images as i>${esc.sh(i.release)}<#sep> </#sep></#list>)
IMAGE_ARCH=(<#list images as i>${esc.sh(i.arch)}<#sep> </#sep></#list>)
IMAGE_VARIANT=(<#list images as i>${esc.sh(i.variant)}<#sep> </#sep></#list>)

# Machines: name, container, spec image, the seed folder (relative to the lab's output folder).
MACHINES=(<#list containers as c>${esc.sh(c.machine)}<#sep> </#sep></#list>)
CONTAINERS=(<#list containers as c>${esc.sh(c.container)}<#sep> </#sep></#list>)
MACHINE_IMAGE=(<#list containers as c>${esc.sh(c.image)}<#sep> </#sep></#list>)
SEED_SOURCE=(<#list containers as c>${esc.sh(c.seedSource)}<#sep> </#sep></#list>)

# Data folders (the machines' data disks), each with the index of its machine in MACHINES.
DISK_DIRS=(<#list dataDirs as d>${esc.sh(d.dir)}<#sep> </#sep></#list>)
DISK_MACHINE=(<#list dataDirs as d>${d.machine?c}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>
<#include "lab.sh.body" parse=false>

lab_main "$@"
