#!/usr/bin/env bash
# labforge: machine web-2 of lab cluster-lab on plain QEMU, as an ordinary user. Generated; edit the lab spec instead.
# web server (front)
#
# `./lab.sh up` runs this in the lab's state folder, where the files it names are (the overlay,
# data disks, seed) and where it leaves its PID, sockets and console log. Each option below says
# why it is there; docs/targets/qemu.md explains them one by one.
#
# Environment (lab.sh sets them):
#   LABFORGE_QEMU_ACCEL    kvm when /dev/kvm starts a guest on this host, else tcg (the default)
#   LABFORGE_QEMU_KERNEL, LABFORGE_QEMU_INITRD, LABFORGE_QEMU_CMDLINE
#                          direct kernel boot, for an image without a boot loader; the command
#                          line defaults to "root=/dev/vda rw console=ttyS0"
set -euo pipefail

ACCEL="${LABFORGE_QEMU_ACCEL:-tcg}"
BOOT=()
if [[ -n ${LABFORGE_QEMU_KERNEL:-} ]]; then
  BOOT+=(-kernel "$LABFORGE_QEMU_KERNEL" -append "${LABFORGE_QEMU_CMDLINE:-root=/dev/vda rw console=ttyS0}")
  [[ -z ${LABFORGE_QEMU_INITRD:-} ]] || BOOT+=(-initrd "$LABFORGE_QEMU_INITRD")
fi

QEMU_ARGS=(
  -accel "$ACCEL"  # kvm, or tcg: QEMU emulates the CPU in software
  -name 'web-2,process=qemu-cluster-lab-web-2'  # the VM's name in the monitor, and its process's in ps/top
  -machine 'q35'  # a modern PC: PCIe, AHCI
  -cpu 'max'  # every CPU feature the accelerator offers (the host's under KVM)
  -smp '1'  # virtual CPUs (spec: cpus)
  -m '256M'  # memory (spec: memory)
  -nodefaults  # no default devices: only those below
  -display 'none'  # no window; the serial console is the way in
  -daemonize  # detach once the VM runs: errors (a taken port) come before
  -pidfile 'web-2.pid'  # its PID, which lab.sh down stops and nothing else
  -chardev 'socket,id=serial0,path=web-2.serial,server=on,wait=off,logfile=web-2.console.log'  # the serial port: a socket for lab.sh console, copied to a log for lab.sh check
  -serial 'chardev:serial0'  # the guest's ttyS0 (console=ttyS0)
  -drive 'if=virtio,file=web-2.qcow2,format=qcow2,discard=unmap'  # the root disk: a qcow2 overlay whose backing file is the image, which stays unchanged
  -drive 'if=virtio,file=web-2.seed.iso,format=raw,readonly=on'  # the NoCloud seed, found by its label cidata; last, so data disks keep their vdb, vdc; read-only, so savevm leaves it out
  -netdev 'socket,id=net0,mcast=239.194.249.155:10897,localaddr=127.0.0.1'  # lab network front: every VM on it joins this multicast group on the host's loopback
  -device 'virtio-net-pci,netdev=net0,mac=52:54:00:06:33:74'  # eth0 with the lab's MAC, which the seed's network-config names
  -netdev 'user,id=mgmt,net=10.0.2.0/24,hostfwd=tcp:127.0.0.1:32539-:22'  # the management NIC: user-mode networking, this VM's alone; the host's 127.0.0.1:32539 is its SSH
  -device 'virtio-net-pci,netdev=mgmt,mac=52:54:01:da:0e:1a'  # mgmt0 in the guest (the seed gives it 10.0.2.15/24)
  -qmp 'unix:web-2.qmp,server=on,wait=off'  # the QMP monitor: lab.sh snapshot/restore/down talk to it
  -device 'virtio-serial-pci'  # a virtio-serial bus for the guest agent's channel
  -chardev 'socket,id=qga0,path=web-2.qga,server=on,wait=off'  # the guest agent's end on the host
  -device 'virtserialport,chardev=qga0,name=org.qemu.guest_agent.0'  # the port qemu-guest-agent opens in the guest
  -device 'virtio-rng-pci'  # entropy for the guest (SSH host keys at first boot)
)

exec qemu-system-x86_64 "${QEMU_ARGS[@]}" "${BOOT[@]}"
