# Chaos agent: runs privileged with hostPID on the target's node. Finds the init process of the container
# whose ID is SC_TARGET_ID (it appears in the process's cgroup path under any cgroup driver) and sends SC_SIGNAL.
# The init is the container's oldest process: with shareProcessNamespace, a helper that outlived its parent
# (busybox timeout's watcher, say) is re-parented to the pod's pause process, outside the container, so "whose
# parent is outside the container" is not enough to tell it from the init.
# Exits 0 when signalled, 7 when no such process was found.
target="$SC_TARGET_ID"
proc=${SC_PROC:-/proc}
init=""
oldest=""
for p in "$proc"/[0-9]*; do
    pid=${p#"$proc"/}
    grep -q "$target" "$p/cgroup" 2>/dev/null || continue
    # Field 22 of stat, the start time in clock ticks after boot; the command name (field 2) may contain spaces.
    stat=$(cat "$p/stat" 2>/dev/null) || continue
    started=$(printf '%s\n' "${stat##*) }" | awk '{print $20}')
    if [ -z "$oldest" ] || [ "$started" -lt "$oldest" ]; then
        oldest=$started
        init=$pid
    fi
done
if [ -n "$init" ]; then
    echo "SC-AGENT signalling pid $init ($(tr '\0' ' ' < "$proc/$init/cmdline")) with $SC_SIGNAL"
    kill -s "$SC_SIGNAL" "$init" && exit 0
fi
echo "SC-AGENT no process of container $target found"
exit 7
