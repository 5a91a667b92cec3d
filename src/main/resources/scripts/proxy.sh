# shellcheck shell=sh
# The proxy sidecar's own part, sourced by sidecar.sh when SC_SIDECAR_KIND=proxy: HAProxy between main and the
# upstream pod, run as Istio's pilot-agent runs Envoy. It starts the proxy and serves its readiness endpoint; on
# SIGTERM it fails readiness at once, keeps proxying for the drain period, then stops the proxy gracefully (HAProxy's
# soft stop, SIGUSR1: no new connections, the ones in flight finish) and exits when the proxy is done.
# Environment:
#   SC_UPSTREAM             host:port the proxy forwards to (the upstream pod's address: the sc-upstream ConfigMap)
#   SC_PROXY_PORT           where main sends its requests, on 127.0.0.1 (15001, Istio's outbound port)
#   SC_PROXY_HEALTH_PORT    the readiness endpoint, GET /healthz/ready on every address (15021, as Istio's)
#   SC_PROXY_ADMIN_PORT     HAProxy's CLI, on 127.0.0.1 only (15000, as Envoy's admin port)
#   SC_PROXY_DRAIN_SECONDS  how long it keeps proxying after SIGTERM (-Dsidecar.proxyDrainSeconds; Istio's
#                           terminationDrainDuration, 5 s by default there too)

PROXY_CONFIG=/tmp/haproxy.cfg

# Readiness is HAProxy's monitor-uri, failing (503) once the one server of the 'ready' backend is down: that server is a
# flag, never checked, which the drain takes down through the CLI.
proxy_config() {
    cat <<EOF
global
    maxconn 256
    stats socket ipv4@127.0.0.1:${SC_PROXY_ADMIN_PORT:-15000} level admin
defaults
    mode http
    timeout connect 1s
    timeout client 10s
    timeout server 10s
frontend health
    bind :${SC_PROXY_HEALTH_PORT:-15021}
    monitor-uri /healthz/ready
    monitor fail if { nbsrv(ready) lt 1 }
backend ready
    server proxy 127.0.0.1:${SC_PROXY_HEALTH_PORT:-15021}
frontend outbound
    bind 127.0.0.1:${SC_PROXY_PORT:-15001}
    default_backend upstream
backend upstream
    server upstream ${SC_UPSTREAM}
EOF
}

# Starts HAProxy in the foreground (-db) as the sidecar's service; its own messages go to the container's log.
proxy_start() {
    proxy_config > "$PROXY_CONFIG"
    haproxy -db -f "$PROXY_CONFIG" &
    service_pid=$!
}

# One command to HAProxy's CLI; its answer on stdout.
proxy_cli() {
    echo "$1" | timeout 1 nc 127.0.0.1 "${SC_PROXY_ADMIN_PORT:-15000}" 2>/dev/null
}

# How many requests HAProxy has sent to the upstream so far (req_tot of its upstream backend), or nothing.
proxy_forwarded() {
    proxy_cli "show stat" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
        $1 == "upstream" && $2 == "BACKEND" { print $col["req_tot"] }'
}

# The SIGTERM of the proxy: what pilot-agent does on it. Exits with HAProxy's exit code.
proxy_drain() {
    drain=${SC_PROXY_DRAIN_SECONDS:-5}
    ev Terminating "on SIGTERM: failing readiness, proxying on for ${drain}s, then a soft stop"
    proxy_cli "disable server ready/proxy" >/dev/null
    before=$(proxy_forwarded)
    nap "$drain"
    after=$(proxy_forwarded)
    ev Stopping "SIGUSR1 to haproxy after a ${drain}s drain; it forwarded $(( ${after:-0} - ${before:-0} )) requests to the upstream during the drain, ${after:-?} in all"
    kill -USR1 "$service_pid"
    wait "$service_pid"
    code=$?
    ev Exiting "$code" "SIGTERM: drained ${drain}s, then haproxy soft-stopped"
    exit "$code"
}
