# LXC configuration of machine ${esc.lxcComment(machine)} in lab ${esc.lxcComment(lab)}, written by labforge (docs/targets/lxc.md).
<#if description??>
# ${esc.lxcComment(description)}
</#if>
# lxc/lab.sh up makes the root file system, the seed and the bridges, then creates the container
# from this file: lxc-create -P ${esc.lxcComment(lxcPath)} -n ${esc.lxcComment(container)} -t none -f config

# The distribution's common settings: devices, dropped capabilities, seccomp, ttys.
lxc.include = /usr/share/lxc/config/common.conf
lxc.uts.name = ${esc.lxc(hostname)}
lxc.rootfs.path = ${esc.lxc(rootfs)}
lxc.apparmor.profile = generated
# lxc-stop's signal: systemd halts on SIGRTMIN+3 and ignores LXC's default, SIGPWR.
lxc.signal.halt = SIGRTMIN+3
<#if nesting>
# nested_virtualization: nested containers (LXC, LXD, Docker) may mount proc, sysfs and cgroups.
lxc.apparmor.allow_nesting = 1
</#if>
lxc.mount.auto = ${esc.lxc(mountAuto)}
# Limits: memory ${memoryMib?c} MiB; cpus ${cpus?c} as microseconds of CPU time per 100 ms period.
# For both cgroup versions, as LXC's common.conf writes its device rules: LXC applies the keys of
# the hierarchy that holds the controller on the host (cgroup v2 on Debian 12; v1 on older hosts).
lxc.cgroup2.memory.max = ${esc.lxc(memoryMax)}
lxc.cgroup2.cpu.max = ${esc.lxc(cpuMax)}
lxc.cgroup.memory.limit_in_bytes = ${esc.lxc(memoryMax)}
lxc.cgroup.cpu.cfs_period_us = ${cpuPeriodUs?c}
lxc.cgroup.cpu.cfs_quota_us = ${cpuQuotaUs?c}
lxc.console.logfile = ${esc.lxc(consoleLog)}
<#if forwarding>
# forwarding: the container's network namespace forwards IPv4 from its start.
lxc.sysctl.net.ipv4.ip_forward = 1
</#if>
<#list nics as n>
<#if n?is_first>

# Addresses, routes and DNS servers come from the seed's network-config, as on every engine. LXC
# could set the addresses itself (the ipv4 keys commented out below), but ifupdown in the guest then
# fails on the address it finds ("Address already assigned") and skips the NIC's routes.
</#if>

# ${esc.lxcComment(n.name)} on network ${esc.lxcComment(n.network)}
lxc.net.${n.index?c}.type = veth
lxc.net.${n.index?c}.link = ${esc.lxc(n.link)}
lxc.net.${n.index?c}.flags = up
lxc.net.${n.index?c}.hwaddr = ${esc.lxc(n.hwaddr)}
lxc.net.${n.index?c}.name = ${esc.lxc(n.name)}
<#if n.ipv4Address??>
# lxc.net.${n.index?c}.ipv4.address = ${esc.lxcComment(n.ipv4Address)}
</#if>
<#if n.ipv4Gateway??>
# lxc.net.${n.index?c}.ipv4.gateway = ${esc.lxcComment(n.ipv4Gateway)}
</#if>
</#list>
<#list mounts as m>

# ${esc.lxcComment(m.why)}
lxc.mount.entry = ${esc.fstab(m.source)} ${esc.fstab(m.target)} ${esc.fstab(m.fstype)} ${esc.fstab(m.options)} 0 0
</#list>
