#!/bin/bash
# Baked into the guest image (clusters/local-v2/lib/rootfs.sh) as /usr/local/sbin/sc-node-start, run once at boot by
# sc-node.service: mounts the host's share of this run (sc.run=<host dir>, read-write) and the host's build cache
# (sc.cache=<host dir>, read-only) through hostfs, then runs the run's node script, so that changing the script
# needs no new image. Writes the guest's boot facts first, so the host sees the guest is up.
set -euo pipefail
arg() { tr ' ' '\n' </proc/cmdline | sed -n "s/^$1=//p" | tail -n1; }
run="$(arg sc.run)"
cache="$(arg sc.cache)"
mount -t hostfs none -o "$run" /sc/run
mount -t hostfs -o "ro,$cache" none /sc/cache
{
  echo "uptime=$(cut -d' ' -f1 /proc/uptime)"
  echo "cgroupfs=$(stat -fc %T /sys/fs/cgroup)"
  echo "controllers=$(cat /sys/fs/cgroup/cgroup.controllers)"
  echo "kernel=$(uname -r)"
} >/sc/run/guest-booted.tmp
mv -f /sc/run/guest-booted.tmp /sc/run/guest-booted
if [ -f /sc/run/node.sh ]; then exec bash /sc/run/node.sh; fi
