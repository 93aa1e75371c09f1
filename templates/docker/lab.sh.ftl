#!/usr/bin/env bash
# labforge: lab ${lab} as Docker containers. Generated; edit the lab spec instead.
#
#   ./lab.sh up          build the images (compose.yaml's build:), then create this lab's networks,
#                        volumes and containers and start them; a second `up` starts what is stopped
#   ./lab.sh up --wait [SECONDS]
#                        the same, then wait (default 600 s) until every machine has reported its
#                        in-guest checks
#   ./lab.sh down        remove this lab's containers, networks and volumes (Compose project
#                        ${project}); the images stay for the next `up`
#   ./lab.sh status      the containers and their state
#   ./lab.sh exec M [CMD...]
#                        run CMD in machine M (default: a root login shell)
#   ./lab.sh logs M      machine M's output (systemd's console)
#   ./lab.sh check       every machine's in-guest checks (docker exec M cat
#                        /var/lib/labforge/check.json) as a table; exit 0 only if all pass
#
<#if labComment??>
# ${labComment}
#
</#if>
# Needs Docker Engine 20.10+ and Compose: `docker compose` (v2) or `docker-compose` (v1), whichever
# is present. DOCKER names the docker client (default: docker).
#
# Environment:
#   LABFORGE_DOCKER_BASE_<image>   the image the Dockerfile of spec image <image> builds FROM, e.g.
#                                  one made offline with `docker import` (docs/targets/docker.md).
#                                  <image> is the image's name with every character other than a
#                                  letter or digit as "_".
<#list images as i>
#   ${i.variable} defaults to ${i.base}
</#list>
set -euo pipefail

LAB=${esc.sh(lab)}
PROJECT=${esc.sh(project)}

# Machines: name, container.
MACHINES=(<#list services as s>${esc.sh(s.machine)}<#sep> </#sep></#list>)
CONTAINERS=(<#list services as s>${esc.sh(s.container)}<#sep> </#sep></#list>)

<#include "/include/lab-lib.sh" parse=false>
<#include "lab.sh.body" parse=false>

lab_main "$@"
