#!/usr/bin/env bash
# Installs (idempotently) the Debian packages the cgroup v2 local cluster (clusters/local-v2/cluster.sh) needs on the
# host, beyond those of clusters/local (installed first by .ci/install-local-cluster-deps.sh): Debian's User-Mode
# Linux kernel (the guest), uml-utilities (uml_mconsole: halts the guest), debootstrap and e2fsprogs (the guest's
# disk image). The guest's own packages come from the same mirror through debootstrap.
set -euo pipefail
bash "$(dirname "$0")/install-local-cluster-deps.sh"

PKGS=(user-mode-linux uml-utilities debootstrap e2fsprogs)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-local-v2-deps: all ${#PKGS[@]} packages present" >&2
  exit 0
fi
echo "install-local-v2-deps: installing ${missing[*]}" >&2
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
# uml-utilities ships a uml_switch daemon: package scripts must not start it
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod +x "$policy"
  made_policy=1
fi
cleanup() { if [ "$made_policy" = 1 ]; then "${SUDO[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q >&2
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >&2
