# Chaos agent: runs privileged with hostPID on the target's node, for the container whose ID is SC_TARGET_ID (it
# appears in its processes' cgroup paths under any cgroup driver). SC_ACTION says what it does (default signal):
#   signal  send SC_SIGNAL to the container's init process;
#   oom     from inside the container's memory cgroup, fill a tmpfs of its own past the limit and keep it full, so that
#           the kernel's OOM killer acts on that cgroup as the node's policy says (cgroup v1: one process a time, the
#           largest resident set; cgroup v2 with memory.oom.group=1: every process of the container), until the
#           container's init is gone;
#   freeze  freeze the container's cgroup for SC_FREEZE_SECONDS, then thaw it.
# The init is the container's oldest process: with shareProcessNamespace, a helper that outlived its parent
# (busybox timeout's watcher, say) is re-parented to the pod's pause process, outside the container, so "whose
# parent is outside the container" is not enough to tell it from the init.
# Exits 0 when done, 7 when no process of the container was found, 8 when its cgroup was not found, 9 when the
# container's init still ran after SC_OOM_BOUND_SECONDS, 10 when the init ended with no OOM kill counted (it ended by
# itself: the fault did not act).
target="$SC_TARGET_ID"
proc=${SC_PROC:-/proc}

# The container's processes, one "pid start-ticks" per line.
container_pids() {
    for p in "$proc"/[0-9]*; do
        grep -q "$target" "$p/cgroup" 2>/dev/null || continue
        ticks=$(start_ticks "${p#"$proc"/}") || continue
        echo "${p#"$proc"/} $ticks"
    done
}

# Field 22 of a process's stat, its start time in clock ticks after boot; the command name (field 2) may contain spaces.
start_ticks() { # pid
    stat=$(cat "$proc/$1/stat" 2>/dev/null) || return 1
    printf '%s\n' "${stat##*) }" | awk '{print $20}'
}

init_pid() {
    container_pids | sort -n -k2 | awk 'NR == 1 {print $1}'
}

# "pid(command)" of each process of the container, on one line.
describe_pids() {
    out=""
    for pid in $(container_pids | awk '{print $1}'); do
        rss=$(awk '/^VmRSS:/ {print $2}' "$proc/$pid/status" 2>/dev/null)
        out="$out $pid($(tr '\0\n' '  ' < "$proc/$pid/cmdline" 2>/dev/null | cut -c1-60 | sed 's/ *$//'); ${rss:-0} KiB)"
    done
    echo "${out# }"
}

# The container's cgroup directory (the memory controller's on cgroup v1, else the unified one), seen from the node:
# through the root of the container's shim, which lives in the node's mount namespace, or through our own mount.
cgroup_dir() { # controller-on-v1
    init=$1
    shim=$(awk '/^PPid:/ {print $2}' "$proc/$init/status" 2>/dev/null)
    for root in ${SC_CGROUP_ROOT:-} "$proc/$shim/root/sys/fs/cgroup" /sys/fs/cgroup; do
        [ -d "$root" ] || continue
        if [ -f "$root/cgroup.controllers" ]; then base=$root; else base="$root/$2"; fi
        [ -d "$base" ] || continue
        dir=$(find "$base" -type d -name "*$target*" 2>/dev/null | head -n 1)
        [ -n "$dir" ] && { echo "$dir"; return 0; }
    done
    return 1
}

# The file whose oom_kill line counts the cgroup's OOM kills: memory.events on v2, memory.oom_control on v1.
oom_events() { # dir
    if [ -f "$1/memory.events" ]; then echo "$1/memory.events"; else echo "$1/memory.oom_control"; fi
}

oom_kills() { # dir
    awk '/^oom_kill / {print $2}' "$(oom_events "$1")"
}

do_signal() {
    init=$(init_pid)
    if [ -n "$init" ]; then
        echo "SC-AGENT signalling pid $init ($(tr '\0' ' ' < "$proc/$init/cmdline")) with $SC_SIGNAL"
        kill -s "$SC_SIGNAL" "$init" && exit 0
    fi
    echo "SC-AGENT no process of container $target found"
    exit 7
}

# Sets init and dir: the container's init process and its cgroup of the controller given (on v1), or exits.
find_target() { # controller-on-v1
    init=$(init_pid)
    [ -n "$init" ] || { echo "SC-AGENT no process of container $target found"; exit 7; }
    dir=$(cgroup_dir "$init" "$1") || { echo "SC-AGENT no $1 cgroup of container $target found"; exit 8; }
}

do_oom() {
    find_target memory
    init_start=$(start_ticks "$init")
    before=$(describe_pids)
    kills=$(oom_kills "$dir")
    limit=$(cat "$dir/memory.max" 2>/dev/null || cat "$dir/memory.limit_in_bytes" 2>/dev/null)
    # The allocator (start_hog) fills a file on a tmpfs of our own from inside the container's cgroup: the pages are
    # charged to that cgroup and cannot be reclaimed, while the allocator's own resident set stays tiny. The agent keeps
    # it filling, the file keeping the cgroup at its limit, until the container's init is gone: on cgroup v1, where the
    # kernel kills one process a time (the largest resident set), the container's processes die largest first until its
    # init does, as under a leak that is never freed; on cgroup v2 (memory.oom.group=1, set by the kubelet) the first
    # kill takes every process of the container at once. Stopping at the first kill, as the agent once did, left a
    # cgroup v1 cell to whichever process happened to be the largest at that moment (a short-lived child, say): it said
    # more about our timing than about Kubernetes.
    hogdir=${SC_HOG_DIR:-/sc-hog}
    mkdir -p "$hogdir"
    if ! mount -t tmpfs -o size=1024g sc-hog "$hogdir"; then
        echo "SC-AGENT cannot mount a tmpfs on $hogdir"
        exit 8
    fi
    marks=$(dmesg 2>/dev/null | grep -c "oom-kill:.*$target")
    adj=$(cat "$proc/$init/oom_score_adj" 2>/dev/null || echo 0)
    hog=""
    hogs=""
    waited=0
    bound=$(( ${SC_OOM_BOUND_SECONDS:-30} * 10 ))
    while init_alive && [ "$waited" -lt "$bound" ]; do
        if [ -z "$hog" ] || ! grep -q '^State:[[:space:]]*[RSD]' "/proc/$hog/status" 2>/dev/null; then
            start_hog
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    # A container whose every process died has its cgroup removed by the runtime: its count is then gone too.
    after_kills=$(oom_kills "$dir" 2>/dev/null)
    [ -n "$after_kills" ] || after_kills="(cgroup removed: every process of the container ended)"
    # shellcheck disable=SC2086 # one pid per word
    kill -KILL $hogs 2>/dev/null
    wait 2>/dev/null
    filled=$(du -m "$hogdir/fill" 2>/dev/null | awk '{print $1}')
    rm -f "$hogdir/fill"
    umount "$hogdir"
    sleep 0.5
    after=$(describe_pids)
    echo "SC-AGENT oom in $dir (limit $limit): oom_kill $kills -> $after_kills after ${filled:-0} MiB filled; processes before: ${before:-none}; after: ${after:-none}"
    # What the OOM killer took, in order, from the kernel's own lines about this container's cgroup (other cells' kills
    # name other cgroups).
    victims=$(dmesg 2>/dev/null | grep "oom-kill:.*$target" | tail -n "+$((marks + 1))" | sed -n 's/.*task=\([^,]*\),pid=\([0-9]*\).*/\2(\1)/p' | tr '\n' ' ')
    [ -z "$victims" ] || echo "SC-AGENT the kernel's OOM killer took, in order: ${victims% } (the allocator's pids:${hogs})"
    if init_alive; then
        if [ "$after_kills" = "$kills" ]; then
            echo "SC-AGENT no OOM kill within ${SC_OOM_BOUND_SECONDS:-30}s"
        else
            echo "SC-AGENT the container's init (pid $init) outlived the OOM kills for ${SC_OOM_BOUND_SECONDS:-30}s"
        fi
        exit 9
    fi
    if [ "$after_kills" = "$kills" ]; then
        echo "SC-AGENT the container's init (pid $init) ended with no OOM kill counted in its cgroup"
        exit 10
    fi
    echo "SC-AGENT the container's init (pid $init) is gone"
    exit 0
}

# Starts an allocator, again when the kernel took the last one (a candidate like the container's processes where it cannot
# be exempted). It joins the cgroup before it writes (a charge does not move with a process) with oom_score_adj -1000,
# which the OOM killer never takes; where that is refused (no CAP_SYS_RESOURCE, as on some CI machines), with the
# container's init's (the agent pod's own, 1000 without requests, would make the kernel pick the allocator first).
start_hog() {
    # shellcheck disable=SC2016 # $$ and $1 to $3 are the inner shell's
    sh -c '{ echo -1000 > /proc/self/oom_score_adj || echo "$3" > /proc/self/oom_score_adj; } 2>/dev/null
        echo $$ > "$1/cgroup.procs" || exit 1
        while :; do
            dd if=/dev/zero bs=64k count=64 2>/dev/null >> "$2/fill" || sleep 0.05
        done' hog "$dir" "$hogdir" "$adj" &
    hog=$!
    hogs="$hogs $hog"
}

# Whether the container's init found by do_oom still runs: the same pid with the same start time, in the container.
# Polled every 0.1 s: it reads the init's own files, not every process of the node.
init_alive() {
    grep -q "$target" "$proc/$init/cgroup" 2>/dev/null && [ "$(start_ticks "$init")" = "$init_start" ]
}

do_freeze() {
    find_target freezer
    if [ -f "$dir/cgroup.freeze" ]; then
        echo 1 > "$dir/cgroup.freeze"; echo "SC-AGENT froze $dir"
        sleep "$SC_FREEZE_SECONDS"; echo 0 > "$dir/cgroup.freeze"
    else
        echo FROZEN > "$dir/freezer.state"; echo "SC-AGENT froze $dir"
        sleep "$SC_FREEZE_SECONDS"; echo THAWED > "$dir/freezer.state"
    fi
    echo "SC-AGENT thawed $dir after ${SC_FREEZE_SECONDS}s"
    exit 0
}

case ${SC_ACTION:-signal} in
    signal) do_signal ;;
    oom) do_oom ;;
    freeze) do_freeze ;;
    *) echo "SC-AGENT unknown action ${SC_ACTION}"; exit 2 ;;
esac
