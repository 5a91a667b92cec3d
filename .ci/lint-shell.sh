#!/usr/bin/env bash
# Lints every shell file of the project: CI scripts, cluster scripts, and the scripts the test
# containers run (busybox ash, so checked as POSIX sh). Installs shellcheck from Debian when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck >/dev/null; then
    echo "lint-shell: installing shellcheck" >&2
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends shellcheck >/dev/null
fi

mapfile -t bash_files < <(find .ci clusters -type f \( -name '*.sh' -o -name run \) | sort)
mapfile -t container_files < <(find src/main/resources/scripts -type f -name '*.sh' | sort)

# The container scripts source /sc/lib.sh, a path that exists only inside the pod (SC1091).
shellcheck "${bash_files[@]}"
shellcheck -s sh -e SC1091 "${container_files[@]}"
echo "lint-shell: ${#bash_files[@]} bash and ${#container_files[@]} container scripts clean" >&2
