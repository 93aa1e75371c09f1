#!/usr/bin/env bash
# labforge: lab ${lab} on LXD. Generated; edit the lab spec instead.
#
#   ./lab.sh up          apply preseed.yaml (storage pool, bridges, profiles), create the data
#                        volumes, then launch every machine with its own profile
#   ./lab.sh down        delete this lab's instances, volumes, profiles, networks and pool, and an
#                        image that `up` imported; nothing else
#   ./lab.sh up --wait [SECONDS]
#                        the same, then wait (default 600 s) until every machine has reported its
#                        in-guest checks
#   ./lab.sh status      the state and addresses of every machine
#   ./lab.sh check       every machine's in-guest checks (lxc exec M -- cat
#                        /var/lib/labforge/check.json): a table per machine; exit 0 only when
#                        every machine reported and no check failed
#   ./lab.sh shell M     a root login shell in machine M
#
# Machines are launched as ${type}s (targets.lxd.type). Needs LXD 5.x: `lxd` (for
# `lxd init --preseed`) and `lxc`, as root or as a member of the lxd group.
#
# Environment:
#   LABFORGE_LXD_IMAGE_<image>   the LXD image for spec image <image>: an image LXD knows (alias,
#                                fingerprint or remote:alias), or a folder holding meta.tar and
#                                rootfs.tar.gz (or rootfs.img), or a unified image file; a folder or
#                                file is imported once as its IMAGE_ALIAS below
#                                and deleted by `down`.
#                                <image> is the image's name with every character other than a
#                                letter or digit as "_".
<#list images as i>
#   ${i.variable} defaults to ${i.defaultSource}
</#list>
#
# `up` is idempotent: what exists already is kept, so a second `up` only starts what is stopped.
set -euo pipefail

LAB=${esc.sh(lab)}
POOL=${esc.sh(pool)}
VM=${virtualMachine?c}

# Images: spec name, overriding variable, default LXD image, alias of an imported image.
IMAGES=(<#list images as i>${esc.sh(i.name)}<#sep> </#sep></#list>)
IMAGE_VARIABLE=(<#list images as i>${esc.sh(i.variable)}<#sep> </#sep></#list>)
IMAGE_DEFAULT=(<#list images as i>${esc.sh(i.defaultSource)}<#sep> </#sep></#list>)
IMAGE_ALIAS=(<#list images as i>${esc.sh(i.alias)}<#sep> </#sep></#list>)

# Networks (LXD bridge names).
NETWORKS=(<#list networks as n>${esc.sh(n.name)}<#sep> </#sep></#list>)

# Machines: name, instance (and profile) name, spec image.
MACHINES=(<#list machines as m>${esc.sh(m.machine)}<#sep> </#sep></#list>)
INSTANCES=(<#list machines as m>${esc.sh(m.instance)}<#sep> </#sep></#list>)
MACHINE_IMAGE=(<#list machines as m>${esc.sh(m.image)}<#sep> </#sep></#list>)

# Custom volumes of the pool (the machines' data disks): name, size.
VOLUMES=(<#list volumes as d>${esc.sh(d.name)}<#sep> </#sep></#list>)
VOLUME_SIZE=(<#list volumes as d>${esc.sh(d.size)}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>
<#include "lab.sh.body" parse=false>

lab_main "$@"
