# labforge: lab ${lab} as containers (Compose Specification). Generated; edit the lab spec instead.
<#if labComment??>
# ${labComment}
</#if>
# Run it with lab.sh (Compose project ${project}). Each service is one machine: systemd as PID 1,
# cloud-init applies the machine's seed from ./<machine>/seed (docs/targets/docker.md).
services:
<#list services as s>
  # ${s.description}
  ${s.machine}:
    image: ${esc.yaml(s.tag)}
    build:
      context: ${esc.yaml("./" + s.image)}
      args:
        BASE: ${esc.yaml(s.baseArg)}
    container_name: ${esc.yaml(s.container)}
    hostname: ${esc.yaml(s.hostname)}
    cpus: ${s.cpus}
    mem_limit: ${esc.yaml(s.memory)}
<#if s.nested>
    # nested_virtualization: Docker-in-Docker needs every capability and device.
    privileged: true
<#else>
    # systemd as PID 1 without --privileged: the capabilities it needs, its own /run, and the
    # signal it shuts down on.
</#if>
    cap_add: [SYS_ADMIN, NET_ADMIN]
    security_opt: ["seccomp=unconfined", "apparmor=unconfined"]
    tmpfs: [/run, /run/lock]
    stop_signal: SIGRTMIN+3
<#if s.forwarding>
    sysctls:
      net.ipv4.ip_forward: "1"
</#if>
<#if s.mac??>
    # Docker Engine before 25 pins a MAC only on the first network: the first NIC's.
    mac_address: ${esc.yaml(s.mac)}
</#if>
<#if s.nics?has_content>
    networks:
<#list s.nics as n>
      ${n.network}:
<#if n.ip??>
        ipv4_address: ${esc.yaml(n.ip)}
</#if>
        priority: ${n.priority?c}
</#list>
</#if>
    volumes:
      - type: bind
        source: ${esc.yaml(s.seed)}
        target: ${esc.yaml(seedMount)}
        read_only: true
<#list s.volumes as v>
      - type: volume
        source: ${esc.yaml(v.volume)}
        target: ${esc.yaml(v.path)}
</#list>
<#if s.nested>
      - type: volume
        target: /var/lib/docker
</#if>
</#list>
<#if networks?has_content>
networks:
<#list networks as n>
  ${n.key}:
    name: ${esc.yaml(n.name)}
    driver: bridge
    driver_opts:
      com.docker.network.bridge.name: ${esc.yaml(n.bridge)}
    internal: ${n.internal?c}
    ipam:
      config:
        - subnet: ${esc.yaml(n.subnet)}
          gateway: ${esc.yaml(n.gateway)}
</#list>
</#if>
<#if volumes?has_content>
volumes:
<#list volumes as v>
  ${v}:
    name: ${esc.yaml(v)}
</#list>
</#if>
