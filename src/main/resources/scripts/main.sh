# The main container: waits (bounded) for the sidecar's service, uses it, works, uses it again, exits.
# Environment: SC_NAME, SC_SIDECAR_KIND (light|dind), SC_SHUTDOWN (none|done-file|pidfile),
# SC_WAIT_SECONDS, SC_WORK_SECONDS, SC_FAULT_MAIN (none|oom), SC_OOM_MB.
. /sc/lib.sh

ev Starting "pid=$$"
case "$SC_SHUTDOWN" in
    done-file) trap 'touch "$SC_SHARED/done"' EXIT ;;
    pidfile) echo $$ > "$SC_SHARED/pid" ;;
esac
trap 'ev Exiting 143 SIGTERM; exit 143' TERM

use_sidecar() {
    case "$SC_SIDECAR_KIND" in
        light) service_ok ;;
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

if ! use_sidecar; then
    ev Exiting 4 "first use of the sidecar failed"
    exit 4
fi
touch "$SC_SHARED/main-working"
ev Working

if [ "${SC_FAULT_MAIN:-none}" = oom ]; then
    ev Allocating "${SC_OOM_MB}MiB"
    dd if=/dev/zero of=/dev/null bs="${SC_OOM_MB}M" count=1 2>/dev/null
    code=$?
    ev Exiting "$code" "allocation ended with $code"
    exit "$code"
fi

nap "${SC_WORK_SECONDS:-3}"

if ! use_sidecar; then
    ev Exiting 4 "second use of the sidecar failed"
    exit 4
fi
ev Exiting 0
exit 0
