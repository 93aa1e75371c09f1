# labforge: image ${image.name} of lab ${lab} for Docker (${image.os}). Generated; edit the lab spec instead.
# systemd runs as PID 1 and cloud-init applies the seed compose.yaml mounts. lab.sh builds it as
# ${image.tag}. Offline, build FROM a local root filesystem instead of ${image.base}:
#   tar -C ROOTFS -c . | docker import - labforge-base/${image.name}
#   ${image.variable}=labforge-base/${image.name} ./lab.sh up
ARG BASE=${image.base}
FROM ${r"${BASE}"}
ENV container=docker
# What a base lacks: systemd, cloud-init, and the tools of the in-guest checks (ip, ping). A base
# that has them all (a cloud image's root filesystem) builds without a network.
<#if image.apt>
RUN if [ ! -x /lib/systemd/systemd ] || ! command -v cloud-init || ! command -v ip || ! command -v ping; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        systemd systemd-sysv cloud-init iproute2 iputils-ping python3 sudo \
      && rm -rf /var/lib/apt/lists/*; \
    fi
<#else>
RUN if [ ! -x /usr/lib/systemd/systemd ] || ! command -v cloud-init || ! command -v ip || ! command -v ping; then \
      dnf install -y --setopt=install_weak_deps=False \
        systemd cloud-init iproute iputils python3 sudo \
      && dnf clean all; \
    fi
</#if>
# Every container is a first boot: no instance of an earlier boot of the base (a cloud image's).
RUN cloud-init clean --logs
# systemd stops on SIGRTMIN+3; CMD in exec form so it is PID 1 itself.
STOPSIGNAL SIGRTMIN+3
CMD ["/sbin/init"]
