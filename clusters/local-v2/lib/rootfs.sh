# shellcheck shell=bash
# clusters/local-v2/lib/rootfs.sh: the guest's disk image: Debian (debootstrap from the mirror this machine's apt
# already uses), systemd as init (cgroup v2, the kubelet's systemd cgroup driver), Debian's UML kernel modules, and a
# unit that runs the per-run node script the host puts on a hostfs share. Built once, cached as $V2_IMG; a run writes
# to its own copy-on-write file, never to the image. Sourced by cluster.sh (uses its constants, log, die, run_step).

# Debian packages of the guest. No containerd or runc: the node runs the builds of clusters/local.
GUEST_PKGS="systemd-sysv dbus kmod iproute2 iptables conntrack ethtool socat procps util-linux mount
libseccomp2 ca-certificates containernetworking-plugins"
# Units a node does not need, each a process start (slow under UML) on the boot's path: udev (13 s of a 30 s boot:
# the guest has no hardware to name; devtmpfs makes /dev/ubd*, the kernel names eth0), logind and logins on
# consoles nobody attaches to, timers that wake the single CPU, modprobe units for modules nothing uses.
GUEST_MASK="systemd-udevd.service systemd-udevd-control.socket systemd-udevd-kernel.socket systemd-udev-trigger.service
systemd-udev-settle.service systemd-hwdb-update.service systemd-logind.service systemd-user-sessions.service
getty.target console-getty.service kmod-static-nodes.service modprobe@dm_mod.service modprobe@loop.service
modprobe@drm.service modprobe@efi_pstore.service modprobe@fuse.service sys-fs-fuse-connections.mount
sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount systemd-pstore.service
apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer
systemd-networkd-wait-online.service"
# Modules the node loads at boot (Debian's UML kernel builds them as modules): containers' overlay, the CNI bridge
# and its veths, iptables (legacy: the UML kernel has no NF_TABLES_INET) for the CNI plugins and the kubelet.
GUEST_MODULES="overlay bridge br_netfilter veth nf_conntrack ip_tables iptable_filter iptable_nat iptable_mangle
xt_conntrack xt_comment xt_mark xt_MASQUERADE xt_addrtype xt_multiport"

uml_kernel_release() { "$UML_BIN" --version 2>/dev/null | awk '{print $NF; exit}'; }

# The Debian mirror this machine's apt uses for $DEBIAN_SUITE: the URIs of the first deb822 stanza (or one-line
# entry) whose suites name it. Printed, never written anywhere.
apt_mirror() {
  local uri
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$DEBIAN_SUITE" '
    function flush() { if (deb && suite && u != "" && !found) { print u; found = 1 } deb = 0; suite = 0; u = "" }
    /^[[:space:]]*$/ { flush(); next }
    /^Types:/ && / deb( |$)/ { deb = 1 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) suite = 1 }
    /^URIs:/ { u = $2 }
    END { flush() }')"
  if [ -z "$uri" ]; then
    uri="$(awk -v s="$DEBIAN_SUITE" '$1 == "deb" { o = 2; if ($2 ~ /^\[/) { while ($o !~ /\]$/) o++; o++ } if ($(o + 1) == s) { print $o; exit } }' /etc/apt/sources.list 2>/dev/null)"
  fi
  printf '%s' "$uri"
}

# What the image is made of: a change in any of it builds a new image.
rootfs_recipe() {
  {
    printf 'suite %s\npackages %s\nmask %s\nmodules %s\nkernel %s\n' "$DEBIAN_SUITE" "$GUEST_PKGS" "$GUEST_MASK" \
      "$GUEST_MODULES" "$(uml_kernel_release)"
    sha256sum "$V2_HERE/lib/rootfs.sh" "$V2_HERE/guest/sc-node-start.sh" | cut -d' ' -f1
  } | sha256sum | cut -d' ' -f1
}

rootfs_built() { [ -f "$V2_IMG" ] && [ "$(cat "$V2_RECIPE" 2>/dev/null)" = "$(rootfs_recipe)" ]; }

build_rootfs() {
  rootfs_built && return 0
  local kr mirror w r
  [ -x "$UML_BIN" ] || die "$UML_BIN missing (Debian's user-mode-linux); run: sudo bash .ci/install-local-v2-deps.sh"
  command -v debootstrap >/dev/null || die "debootstrap missing; run: sudo bash .ci/install-local-v2-deps.sh"
  kr="$(uml_kernel_release)"
  [ -d "/usr/lib/uml/modules/$kr" ] || die "no modules for UML kernel $kr in /usr/lib/uml/modules; reinstall user-mode-linux"
  mirror="$(apt_mirror)"
  [ -n "$mirror" ] || die "no Debian $DEBIAN_SUITE mirror in /etc/apt/sources.list*; add one there (apt-get must work here)"
  mkdir -p "$V2_CACHE"
  exec 7>"$V2_CACHE/build.lock"
  flock 7
  if rootfs_built; then flock -u 7; return 0; fi
  rm -rf "$V2_CACHE"/rootfs-build.*   # what a failed or killed build left
  w="$(mktemp -d "$V2_CACHE/rootfs-build.XXXXXX")"
  r="$w/root"
  # shellcheck disable=SC2086 # word lists
  run_step "guest rootfs: debootstrap $DEBIAN_SUITE ($(wc -w <<<"$GUEST_PKGS") packages and their dependencies)" "$w/debootstrap.log" \
    debootstrap --variant=minbase --include="$(printf '%s,' $GUEST_PKGS | sed 's/,$//')" "$DEBIAN_SUITE" "$r" "$mirror"
  log "guest rootfs: configuring (hostname, units, modules, sysctls, iptables-legacy, kernel $kr modules)"
  echo "$NODE_NAME" >"$r/etc/hostname"
  printf '127.0.0.1 localhost\n%s %s\n' "$NODE_IP" "$NODE_NAME" >"$r/etc/hosts"
  # no fstab entry for /: the kernel mounts it (root=/dev/ubda rw), and without udev a device unit never appears
  : >"$r/etc/fstab"
  : >"$r/etc/resolv.conf"
  mkdir -p "$r/etc/systemd/journald.conf.d" "$r/etc/modules-load.d" "$r/etc/sysctl.d" "$r/sc/run" "$r/sc/cache" "$r/usr/local/sbin"
  printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=64M\n' >"$r/etc/systemd/journald.conf.d/sc-node.conf"
  # shellcheck disable=SC2086 # word list
  printf '%s\n' $GUEST_MODULES >"$r/etc/modules-load.d/sc-node.conf"
  printf 'net.ipv4.ip_forward=1\nnet.bridge.bridge-nf-call-iptables=1\nkernel.panic=10\n' >"$r/etc/sysctl.d/90-sc-node.conf"
  chroot "$r" update-alternatives --quiet --set iptables /usr/sbin/iptables-legacy
  chroot "$r" update-alternatives --quiet --set ip6tables /usr/sbin/ip6tables-legacy
  install -m 755 "$V2_HERE/guest/sc-node-start.sh" "$r/usr/local/sbin/sc-node-start"
  cat >"$r/etc/systemd/system/sc-node.service" <<'UNIT'
[Unit]
Description=sidecar-conformance node: runs the node script of this run from the host's share
ConditionKernelCommandLine=sc.run
Wants=dbus.service
After=dbus.service systemd-modules-load.service systemd-sysctl.service local-fs.target
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/sc-node-start
[Install]
WantedBy=multi-user.target
UNIT
  chroot "$r" systemctl enable --quiet sc-node.service
  chroot "$r" systemctl set-default --quiet multi-user.target
  # shellcheck disable=SC2086 # word list
  chroot "$r" systemctl mask --quiet $GUEST_MASK
  mkdir -p "$r/lib/modules"
  cp -a "/usr/lib/uml/modules/$kr" "$r/lib/modules/"
  depmod -b "$r" "$kr"
  chroot "$r" apt-get clean
  rm -rf "$r/var/lib/apt/lists/"* "$r/var/log/"*.log
  run_step "guest rootfs: writing the 4 GiB ext4 image (sparse)" "$w/mkfs.log" \
    mkfs.ext4 -q -F -L root -d "$r" "$w/rootfs.img" 4G
  mv -f "$w/rootfs.img" "$V2_IMG"
  rootfs_recipe >"$V2_RECIPE"
  rm -rf "$w"
  flock -u 7
  log "guest rootfs: $V2_IMG ($(du -m "$V2_IMG" | cut -f1) MiB used)"
}
