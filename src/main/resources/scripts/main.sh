# shellcheck shell=sh source-path=SCRIPTDIR
# The main container: waits (bounded) for the sidecar's service, uses it, works, uses it again, exits.
# Environment: SC_NAME, SC_SIDECAR_KIND (light|dind|proxy), SC_SHUTDOWN (none|done-file|pidfile),
# SC_WAIT_SECONDS, SC_WORK_SECONDS, SC_CHECK_TIMEOUT, SC_FAULT_MAIN (none|oom), SC_OOM_MB,
# SC_TERM_LINGER_SECONDS (on SIGTERM, use the sidecar that long, then exit: see drain),
# SC_STOP_SIGNAL (a signal name without SIG, e.g. USR1: trapped like SIGTERM, exit 128 + its number),
# SC_CLIENT (strict: a failed use ends main with exit 4 at once, like a CI step calling docker;
# tolerant: a failed use is retried every second for SC_RETRY_SECONDS, then exit 4),
# SC_BUSY_SECONDS (0: the second use is one call; more: a busy spell, see busy_use), SC_BUSY_PAUSE_SECONDS,
# SC_MARK_AFTER_SECONDS (write a Marked line that far into its work, for a fault to act on),
# SC_READINESS (1: the +ready variants; see await_readiness).
# shellcheck source=lib.sh
. /sc/lib.sh

ev Starting "pid=$$"
report_oom_score
case "$SC_SHUTDOWN" in
    done-file) trap 'touch "$SC_SHARED/done"' EXIT ;;
    pidfile) echo $$ > "$SC_SHARED/pid" ;;
esac
# Every stop removes main's readiness marker first (+ready: its readinessProbe fails from then on).
if [ "${SC_TERM_LINGER_SECONDS:-0}" -gt 0 ]; then
    trap drain TERM
else
    trap 'rm -f "$SC_READY_MARKER"; ev Exiting 143 SIGTERM; exit 143' TERM
fi
if [ -n "${SC_STOP_SIGNAL:-}" ]; then
    # A stop signal of main's own (lifecycle.stopSignal), e.g. USR1: trapped as SIGTERM is, its line naming it.
    stop_code=$((128 + $(kill -l "$SC_STOP_SIGNAL")))
    trap 'rm -f "$SC_READY_MARKER"; ev Exiting "$stop_code" "SIG$SC_STOP_SIGNAL"; exit "$stop_code"' "$SC_STOP_SIGNAL"
fi

# A main that finishes its work on SIGTERM: it says so at once and exits SC_TERM_LINGER_SECONDS later, using the
# sidecar meanwhile as a runner finishing its job step does (dockerd for dind): each use a Draining line when it begins
# ("use N") and one when it ends ("use N ok|failed"), one use after another with a pause of half a second. A use still
# unanswered at the exit has no second line.
# shellcheck disable=SC2317 # called through the trap above
drain() {
    rm -f "$SC_READY_MARKER"
    ev Terminating "on SIGTERM, exiting in ${SC_TERM_LINGER_SECONDS}s"
    (
        n=1
        while :; do
            ev Draining "use $n"
            if use_sidecar; then ev Draining "use $n ok"; else ev Draining "use $n failed"; fi
            n=$((n + 1))
            nap 0.5
        done
    ) &
    drainer=$!
    nap "$SC_TERM_LINGER_SECONDS"
    # Gone before the Exiting line: no line of the drainer's comes after it.
    kill "$drainer" 2>/dev/null
    wait "$drainer" 2>/dev/null
    ev Exiting 143 SIGTERM
    exit 143
}

use_sidecar() {
    case "$SC_SIDECAR_KIND" in
        light) service_ok ;;
        # A request to the upstream pod through the proxy, as an application in a mesh sends one (SC_PROXY_PORT: proxy.sh).
        proxy) http_answers "http://127.0.0.1:${SC_PROXY_PORT:-15001}/ping" pong ;;
        dind)
            # Nothing can be pulled inside dind: import an image made from our own files, then run it.
            if ! docker image inspect sc/hello:1 >/dev/null 2>&1; then
                # shellcheck disable=SC2046
                tar -C / -cf - bin/busybox $(cd / && ls lib/ld-musl* 2>/dev/null) \
                    | docker import - sc/hello:1 >/dev/null || return 1
            fi
            [ "$(docker run --rm --network none sc/hello:1 /bin/busybox echo hello)" = "hello" ]
            ;;
    esac
}

# One use of the sidecar ($1: first|second). Strict: the first failure counts. Tolerant: retry once a second
# until the retry budget is spent, saying when the retries start and when the use succeeds again.
use_as_client() {
    use_sidecar && return 0
    retry_use "$1"
}

# After a failed use ($1: first|second): strict gives up at once; tolerant retries as use_as_client says.
retry_use() {
    [ "${SC_CLIENT:-strict}" = tolerant ] || return 1
    budget=${SC_RETRY_SECONDS:-30}
    ev Retrying "$1 use failed (budget ${budget}s)"
    sc_centis; since=$sc_cs
    while sc_centis; [ $((sc_cs - since)) -lt $((budget * 100)) ]; do
        nap 1
        if use_sidecar; then
            sc_centis
            ev Recovered "after $(( (sc_cs - since) / 100 ))s"
            return 0
        fi
    done
    return 1
}

# The second use as a busy spell (SC_BUSY_SECONDS > 0 and SC_BUSY_PAUSE_SECONDS, both set by the sidecar-oom fault):
# calls that far apart, far less than any restart of the sidecar takes, as a CI step that drives the daemon through a
# build. The sidecar's fault waits for the main-busy marker, so it strikes while a call is in flight or due, however
# fast the machine: a race between the fault and one later call would let the machine's speed decide the cell. The
# spell ends at its first failed call (strict: that failure counts; tolerant: once the retries recovered) or after
# SC_BUSY_SECONDS without one.
busy_use() {
    ev Busy "back-to-back uses for up to ${SC_BUSY_SECONDS}s"
    touch "$SC_SHARED/main-busy"
    sc_centis; since=$sc_cs
    calls=0
    while sc_centis; [ $((sc_cs - since)) -lt $((SC_BUSY_SECONDS * 100)) ]; do
        if ! use_sidecar; then
            ev Interrupted "call $((calls + 1)) of the busy spell failed"
            retry_use second
            return
        fi
        calls=$((calls + 1))
        nap "$SC_BUSY_PAUSE_SECONDS"
    done
    ev Unbroken "$calls calls in ${SC_BUSY_SECONDS}s"
}

# +ready: main makes the marker its readinessProbe checks, then begins working only once the kubelet's readiness
# probes of main and of the sidecar have each passed twice (the lines of their notes on the shared emptyDir), waiting at
# most SC_WAIT_SECONDS. The kubelet probes again only once it has taken the previous result, so after a second pass the
# first one's Ready is in its status; after a single pass it may not be (a pass whose exec the kubelet cancels counts
# for nothing), and a fault that acts at the Working line would find the container not Ready.
await_readiness() {
    touch "$SC_READY_MARKER"
    tenths=0
    until [ "$(passes "$SC_SHARED/probed-$SC_NAME")" -ge 2 ] && [ "$(passes "$SC_SHARED/probed-sidecar")" -ge 2 ]; do
        if [ "$tenths" -ge "$(( ${SC_WAIT_SECONDS:-30} * 10 ))" ]; then
            ev Probed "the readiness probes of main and the sidecar had not both passed twice after ${SC_WAIT_SECONDS:-30}s"
            return 0
        fi
        nap 0.1
        tenths=$((tenths + 1))
    done
    ev Probed "the readiness probes of main and the sidecar have each passed twice"
}

# How many passes a readiness note records (0 without one).
passes() {
    if [ -f "$1" ]; then echo $(( $(wc -l < "$1") )); else echo 0; fi
}

# Exit 4 saying which use failed, and for how long a tolerant client kept trying.
use_failed() {
    if [ "${SC_CLIENT:-strict}" = tolerant ]; then
        ev Exiting 4 "$1 use of the sidecar failed for ${SC_RETRY_SECONDS:-30}s"
    else
        ev Exiting 4 "$1 use of the sidecar failed"
    fi
    exit 4
}

waited=0
until service_ok; do
    if [ "$waited" -ge "${SC_WAIT_SECONDS:-30}" ]; then
        ev Exiting 3 "sidecar not ready after ${waited}s"
        exit 3
    fi
    [ "$waited" -eq 0 ] && ev Waiting "sidecar not ready"
    nap 1
    waited=$((waited + 1))
done

use_as_client first || use_failed first
touch "$SC_SHARED/main-working"
if [ "${SC_READINESS:-0}" = 1 ]; then
    await_readiness
fi
ev Working

if [ "${SC_FAULT_MAIN:-none}" = oom ] && [ ! -f "$SC_SHARED/main-oom-done" ]; then
    # Once only (emptyDir outlives restarts), as the sidecar's: a main restarted in place works normally.
    touch "$SC_SHARED/main-oom-done"
    ev Allocating "${SC_OOM_MB}MiB"
    dd if=/dev/zero of=/dev/null bs="${SC_OOM_MB}M" count=1 iflag=fullblock 2>/dev/null  # fullblock: see sidecar.sh
    code=$?
    ev Exiting "$code" "allocation ended with $code"
    exit "$code"
fi

if [ "${SC_MARK_AFTER_SECONDS:-0}" -gt 0 ]; then
    # A moment inside the work for a fault to act on (kubelet-restart): a line that far in, then the rest of the work.
    nap "$SC_MARK_AFTER_SECONDS"
    ev Marked "${SC_MARK_AFTER_SECONDS}s into its work"
    nap $(( ${SC_WORK_SECONDS:-3} - SC_MARK_AFTER_SECONDS ))
else
    nap "${SC_WORK_SECONDS:-3}"
fi

if [ "${SC_BUSY_SECONDS:-0}" -gt 0 ]; then
    busy_use || use_failed second
else
    use_as_client second || use_failed second
fi
ev Exiting 0
exit 0
