#!/usr/bin/env bash
# The fresh-machine path of every build step that depends on a cache of sources: with an empty cache and the
# source clones' variables pointed at empty folders, the e2e test images upstream's tests name on the smoke
# version are made from sources the project's own scripts obtain (clusters/e2e/lib/sources.sh), and a source
# that cannot be had is one "not made" line, never a failed script. Leaves nothing behind.
#
#   .ci/fresh-sources.sh            both checks (about 1.5 min on 2 cores: nginx and BusyBox compiled)
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d /tmp/sc-fresh-sources.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cache" "$work/no-clone"
fresh=(env SC_CACHE="$work/cache" SC_BUSYBOX_GIT="$work/no-clone" SC_NGINX_GIT="$work/no-clone")
fail() { echo "fresh-sources: $*" >&2; exit 1; }

# The tags 1.31's upstream e2e tests name (e2e.test --list-images), and the newest busybox tag (1.35 to 1.37).
for image in busybox:1.36.1-1 busybox:1.37.0-1 nginx:1.14-4; do
    s=$SECONDS
    out="$("${fresh[@]}" bash clusters/e2e/e2e.sh image "${image%%:*}" "${image#*:}" 2>"$work/log")" ||
        fail "$image not made on an empty cache: $(tail -n1 "$work/log")"
    grep -q "Debian's source package" <<<"$out" || fail "$image: its source is not recorded as Debian's: $out"
    echo "fresh-sources: $image made in $((SECONDS - s)) s: ${out#*$'\t'}" >&2
done
# busybox 1.37.0 is in a Debian suite: the exact release, no stand-in
"${fresh[@]}" bash clusters/e2e/e2e.sh image busybox 1.37.0-1 2>/dev/null | grep -q STAND-IN &&
    fail "busybox:1.37.0-1 is recorded as a stand-in although Debian has 1.37.0"

# No source to be had (no such Debian suite, no clone): one line that says so, a non-zero exit, no script error.
rc=0
SC_DEBIAN_SRC_SUITES=no-such-suite "${fresh[@]}" SC_CACHE="$work/cache2" \
    bash clusters/e2e/e2e.sh image nginx 1.15-4 >/dev/null 2>"$work/log" || rc=$?
[ "$rc" = 1 ] || fail "with no source, 'e2e.sh image' exited $rc (want 1): $(tail -n2 "$work/log")"
grep -q 'not made' "$work/log" || fail "with no source, no 'not made' line: $(cat "$work/log")"
echo "fresh-sources: with no source: $(grep 'not made' "$work/log" | head -n1)" >&2
echo "fresh-sources: passed" >&2
