# Shared helpers for every test container. Sourced, not executed.
# Each container writes one event-line format to stdout and to the shared emptyDir:
#   SC-EVENT <yyyy-mm-dd hh:mm:ss.fffffffff +zzzz> <container> <Kind> [detail]
# busybox date has no %N, so the time is a freshly touched file's mtime (nanoseconds).

SC_SHARED=${SC_SHARED:-/sc-shared}

sc_now() {
    sc_ts="$SC_SHARED/.ts-$SC_NAME-$$"
    touch "$sc_ts" && stat -c '%y' "$sc_ts"
}

ev() {
    sc_line="SC-EVENT $(sc_now) $SC_NAME $*"
    echo "$sc_line"
    echo "$sc_line" >> "$SC_SHARED/events.log" 2>/dev/null || true
}

# Sleep that a trapped signal can interrupt (a foreground sleep delays traps until it ends).
nap() {
    sleep "$1" &
    wait $!
}

# The service the sidecar offers, checked from inside the pod.
service_ok() {
    case "$SC_SIDECAR_KIND" in
        # timeout(1) rather than wget -T: Debian's busybox 1.35 wget crashes on -T.
        light) [ "$(timeout 2 wget -q -O - http://127.0.0.1:8080/ping 2>/dev/null)" = "pong" ] ;;
        # Bounded: while dockerd initialises, a call can block instead of failing; a late answer means not ready.
        dind) timeout 5 docker -H unix:///var/run/docker.sock info >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}
