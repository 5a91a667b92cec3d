# shellcheck shell=sh
# Shared helpers for every test container. Sourced, not executed.
# Each container writes one event-line format to stdout and to the shared emptyDir:
#   SC-EVENT <yyyy-mm-dd hh:mm:ss.fffffffff +zzzz> <container> <Kind> [detail]
# busybox date has no %N, so the time is a freshly touched file's mtime (nanoseconds).

SC_SHARED=${SC_SHARED:-/sc-shared}
# The dind sidecar's dockerd listens here (the pods' DOCKER_HOST names the same path), on the pod's shared /var/run.
SC_DOCKER_SOCK=/var/run/docker.sock

sc_now() {
    sc_ts="$SC_SHARED/.ts-$SC_NAME-$$"
    touch "$sc_ts" && stat -c '%y' "$sc_ts"
}

ev() {
    echo "SC-EVENT $(sc_now) $SC_NAME $*"
}

# With SC_REPORT_OOM_SCORE=1, the oom_score_adj the runtime gave this container's first process, as a line.
report_oom_score() {
    if [ "${SC_REPORT_OOM_SCORE:-0}" = 1 ]; then
        ev OomScoreAdj "$(cat "/proc/$$/oom_score_adj")"
    fi
}

# Centiseconds since boot, in sc_cs, read from /proc/uptime (monotonic, no process started): the clock of budgets and
# spells (date +%s counts whole seconds: a 30 s budget lasted anywhere from 29 to 30 s).
# shellcheck disable=SC2034 # sc_cs is read by the sourcing scripts
sc_centis() {
    read -r sc_up _ < /proc/uptime
    sc_cs=$(( ${sc_up%.*} * 100 + 1${sc_up#*.} - 100 ))
}

# Sleep that a trapped signal can interrupt (a foreground sleep delays traps until it ends).
nap() {
    sleep "$1" &
    wait $!
}

# The service the sidecar offers (a light sidecar's on SC_PORT: each sidecar of a pod has its own port), checked from inside the pod (by the sidecar, main and the startupProbe alike).
# Bounded by SC_CHECK_TIMEOUT seconds (-Dclient.checkTimeoutSeconds): while dockerd initialises, a call can block
# instead of failing, and an answer that comes later than the bound counts as not ready.
# The proxy's service is its readiness endpoint (proxy.sh), as Istio's is: an answer 200, not 503 (draining).
service_ok() {
    sc_bound=${SC_CHECK_TIMEOUT:-1}
    case "$SC_SIDECAR_KIND" in
        light) http_answers "http://127.0.0.1:${SC_PORT:-8080}/ping" pong ;;
        dind) timeout "$sc_bound" docker -H "unix://$SC_DOCKER_SOCK" info >/dev/null 2>&1 ;;
        proxy) timeout "$sc_bound" wget -q -O /dev/null "http://127.0.0.1:${SC_PROXY_HEALTH_PORT:-15021}/healthz/ready" 2>/dev/null ;;
        *) return 1 ;;
    esac
}

# An HTTP GET of $1 answered 200 with the body $2, within SC_CHECK_TIMEOUT seconds.
# timeout(1) rather than wget -T: Debian's busybox 1.35 wget crashes on -T.
http_answers() {
    [ "$(timeout "${SC_CHECK_TIMEOUT:-1}" wget -q -O - "$1" 2>/dev/null)" = "$2" ]
}

# The readinessProbe of the +ready variants (a kubelet exec, in the container's environment): main's ($1 = marker)
# passes while its marker file is there (main.sh makes it when it begins working and removes it at its SIGTERM), a
# sidecar's ($1 = service) while its service answers (service_ok, by SC_SIDECAR_KIND: the proxy's is its readiness
# endpoint, failing from its SIGTERM on). Each pass adds a line to a note on the shared emptyDir, so that
# main can count the passes of its own probe and the sidecar's (main.sh: await_readiness).
SC_READY_MARKER=/tmp/sc-ready
readiness_probe() {
    case "$1" in
        marker) [ -f "$SC_READY_MARKER" ] ;;
        service) service_ok ;;
        *) false ;;
    esac || return 1
    echo pass >> "$SC_SHARED/probed-$SC_NAME"
}

# A preStop hook (kubelet exec): its own output goes nowhere the runner reads, so its line goes to the container's
# stdout (PID 1's); then it takes $1 seconds, as a hook that drains connections does.
prestop_hook() {
    ev PreStop "hook for ${1}s" > /proc/1/fd/1
    sleep "$1"
}
