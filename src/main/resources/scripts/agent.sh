# shellcheck shell=sh
# Chaos agent: runs privileged with hostPID on the target's node. Finds the init process of the container
# whose ID is SC_TARGET_ID (it appears in the process's cgroup path under any cgroup driver) and sends SC_SIGNAL.
# Exits 0 when signalled, 7 when no such process was found.
target="$SC_TARGET_ID"
for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    grep -q "$target" "$p/cgroup" 2>/dev/null || continue
    ppid=$(awk '/^PPid:/ {print $2}' "$p/status" 2>/dev/null)
    # The container's init is the process whose parent is outside the container (the runtime's shim).
    if ! grep -q "$target" "/proc/$ppid/cgroup" 2>/dev/null; then
        echo "SC-AGENT signalling pid $pid ($(tr '\0' ' ' < "$p/cmdline")) with $SC_SIGNAL"
        kill -s "$SC_SIGNAL" "$pid" && exit 0
    fi
done
echo "SC-AGENT no process of container $target found"
exit 7
