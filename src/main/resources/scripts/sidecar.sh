# shellcheck shell=sh source-path=SCRIPTDIR
# The sidecar: starts a service (busybox httpd, dockerd for dind, HAProxy for proxy), says Ready once the service
# answers, then waits according to the shutdown protocol.
# Environment: SC_NAME, SC_SIDECAR_KIND (light|dind|proxy), SC_SHUTDOWN (none|done-file|pidfile),
# SC_DELAY_SECONDS, SC_STARTUP_SECONDS (light only: -Dsidecar.lightStartupSeconds), SC_CHECK_TIMEOUT,
# SC_FAULT_SIDECAR (none|oom|child-oom|crash-early|crash-loop), SC_OOM_MB, SC_CRASH_STARTS, SC_CRASH_AFTER_SECONDS, SC_READY_TIMEOUT, SC_PORT (light),
# SC_TERM_DRAIN_SECONDS (on SIGTERM, serve that long before stopping; unset: stop at once),
# SC_POLL_SECONDS (how often done-file and pidfile sidecars check; default 1); the proxy's own: proxy.sh.
# shellcheck source=lib.sh
. /sc/lib.sh
if [ "$SC_SIDECAR_KIND" = proxy ]; then
    # shellcheck source=proxy.sh
    . /sc/proxy.sh
fi

ev Starting "pid=$$"
report_oom_score
service_pid=""

stop_service() {
    [ -n "$service_pid" ] && kill -TERM "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
    return 0
}
# The SIGTERM line comes first, when the signal arrives: stopping dockerd takes about a second, and the arrival is what
# the TERM order compares. With SC_TERM_DRAIN_SECONDS, the service keeps serving that long before it stops, as a
# draining proxy does. The proxy sidecar drains as Istio's pilot-agent does (proxy.sh: proxy_drain exits).
# shellcheck disable=SC2317 # called through the trap below
on_term() {
    if [ "$SC_SIDECAR_KIND" = proxy ] && [ -n "$service_pid" ]; then proxy_drain; fi
    ev Terminating "on SIGTERM: stopping its service${SC_TERM_DRAIN_SECONDS:+ after a ${SC_TERM_DRAIN_SECONDS}s drain}"
    [ "${SC_TERM_DRAIN_SECONDS:-0}" = 0 ] || nap "$SC_TERM_DRAIN_SECONDS"
    stop_service
    ev Exiting 143 SIGTERM
    exit 143
}
trap on_term TERM

if [ "${SC_FAULT_SIDECAR:-none}" = crash-early ]; then
    # The first SC_CRASH_STARTS instances die before their service is up; markers on the emptyDir (which outlives
    # restarts) count them, so every later instance works.
    start=1
    while [ -f "$SC_SHARED/crashed-$SC_NAME-$start" ]; do start=$((start + 1)); done
    if [ "$start" -le "${SC_CRASH_STARTS:-1}" ]; then
        touch "$SC_SHARED/crashed-$SC_NAME-$start"
        nap "${SC_CRASH_AFTER_SECONDS:-2}"
        ev Exiting 1 "start $start of ${SC_CRASH_STARTS:-1} crashes before its service is up"
        exit 1
    fi
fi

if [ "${SC_DELAY_SECONDS:-0}" -gt 0 ]; then
    ev Delaying "${SC_DELAY_SECONDS}s"
    nap "$SC_DELAY_SECONDS"
fi

case "$SC_SIDECAR_KIND" in
    light)
        # A real small service is not listening the instant its process starts; httpd is. Model the start-up.
        nap "${SC_STARTUP_SECONDS:-0}"
        mkdir -p /tmp/www && echo pong > /tmp/www/ping
        httpd -f -p "127.0.0.1:${SC_PORT:-8080}" -h /tmp/www &
        service_pid=$!
        ;;
    dind)
        # As docker:dind's dockerd-entrypoint.sh does: a restarted container finds the pid files its killed
        # predecessor left on the shared /var/run emptyDir, and dockerd (or its containerd) refuses to start.
        find /run /var/run \( -iname 'docker*.pid' -o -iname 'containerd*.pid' \) -exec rm -f {} + 2>/dev/null || :
        dockerd --host="unix://$SC_DOCKER_SOCK" --bridge=none --iptables=false \
            > /tmp/dockerd.log 2>&1 &
        service_pid=$!
        ;;
    proxy) proxy_start ;;
esac

# dind: no call can answer before dockerd has made its socket, and a test for it starts no process where a docker info
# costs about 50 ms of CPU (measured in a dind pod): until then only the test runs, at the same 0.1 s cadence. (A
# restarted sidecar may find its predecessor's socket on the shared /var/run: then it checks at once, as before.)
service_may_answer() { [ "$SC_SIDECAR_KIND" != dind ] || [ -e "$SC_DOCKER_SOCK" ]; }

waited=0
until service_may_answer && service_ok; do
    if ! kill -0 "$service_pid" 2>/dev/null; then
        tail -5 /tmp/dockerd.log 2>/dev/null
        ev Exiting 5 "service process ended before it was ready"
        exit 5
    fi
    # Tenths of a second: the Ready line should trail the service's first answer by little.
    if [ "$waited" -ge "$(( ${SC_READY_TIMEOUT:-120} * 10 ))" ]; then
        ev Exiting 6 "service not ready after ${SC_READY_TIMEOUT:-120}s"
        exit 6
    fi
    nap 0.1
    waited=$((waited + 1))
done
touch "$SC_SHARED/sidecar-ready"
ev Ready

if [ "${SC_FAULT_SIDECAR:-none}" = oom ] && [ ! -f "$SC_SHARED/sidecar-oom-done" ]; then
    # Once only (emptyDir outlives restarts): wait until main's busy spell of uses has begun (main.sh: busy_use),
    # then exceed the memory limit as PID 1.
    while [ ! -f "$SC_SHARED/main-busy" ]; do nap 1; done
    touch "$SC_SHARED/sidecar-oom-done"
    ev Allocating "${SC_OOM_MB}MiB"
    # iflag=fullblock: a read of /dev/zero may return short; without it dd once exited 0 having touched less than
    # the limit (no OOM kill: the fault never happened). With it dd reads until the whole block is touched.
    exec dd if=/dev/zero of=/dev/null bs="${SC_OOM_MB}M" count=1 iflag=fullblock
fi

if [ "${SC_FAULT_SIDECAR:-none}" = child-oom ] && [ ! -f "$SC_SHARED/sidecar-oom-done" ]; then
    # As oom, but a child allocates (a build's process under dockerd) while this script and its service run on. Who
    # dies is the node's policy: on cgroup v1 the largest process (the child); on cgroup v2 with memory.oom.group=1
    # every process of the container, this script first. The Allocating line comes before the child, which may be
    # killed at once; the ChildEnded line only if this script outlived it. Background and wait: a trapped SIGTERM
    # is handled at once, not after the child.
    while [ ! -f "$SC_SHARED/main-busy" ]; do nap 1; done
    touch "$SC_SHARED/sidecar-oom-done"
    ev Allocating "${SC_OOM_MB}MiB in a child process"
    dd if=/dev/zero of=/dev/null bs="${SC_OOM_MB}M" count=1 iflag=fullblock 2>/dev/null &  # fullblock: see above
    child=$!
    wait "$child"
    code=$?
    ev ChildEnded "$code" "the allocating child (pid $child) ended with $code; this script (pid $$) and its service run on"
fi

if [ "${SC_FAULT_SIDECAR:-none}" = crash-loop ]; then
    # Crash SC_CRASH_STARTS times while main works (markers on the emptyDir count them); later instances serve on.
    start=1
    while [ -f "$SC_SHARED/looped-$SC_NAME-$start" ]; do start=$((start + 1)); done
    if [ "$start" -le "${SC_CRASH_STARTS:-1}" ]; then
        while [ ! -f "$SC_SHARED/main-working" ]; do nap 1; done
        touch "$SC_SHARED/looped-$SC_NAME-$start"
        nap "${SC_CRASH_AFTER_SECONDS:-1}"
        stop_service
        ev Exiting 1 "crash $start of ${SC_CRASH_STARTS:-1} while main works"
        exit 1
    fi
fi

case "${SC_SHUTDOWN:-none}" in
    done-file)
        while [ ! -f "$SC_SHARED/done" ]; do nap "${SC_POLL_SECONDS:-1}"; done
        stop_service
        ev Exiting 0 "done file seen"
        exit 0
        ;;
    pidfile)
        while [ ! -f "$SC_SHARED/pid" ]; do nap "${SC_POLL_SECONDS:-1}"; done
        main_pid=$(cat "$SC_SHARED/pid")
        while kill -0 "$main_pid" 2>/dev/null; do nap "${SC_POLL_SECONDS:-1}"; done
        stop_service
        ev Exiting 0 "pid $main_pid gone"
        exit 0
        ;;
    *)
        wait "$service_pid"
        code=$?
        ev Exiting "$code" "service ended"
        exit "$code"
        ;;
esac
