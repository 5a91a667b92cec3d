# shellcheck shell=bash
# clusters/kind/lib/docker.sh: the Docker daemon kind needs, our own: Debian's dockerd and containerd on
# their own data root ($SC_CACHE/kind/docker, containerd) and sockets ($SC_CACHE/kind/run), never
# /var/lib/docker or /run/docker.sock. And the host around it: a snapshot before the daemon starts
# (sysctls, iptables, network links, /lib/modules), put back and checked after it stops.
# Sourced by kind.sh (uses its constants, log, die).

# Not state but counters, or not writable: never compared or restored
SYSCTL_VOLATILE='^(kernel\.random\.|kernel\.core_modes|kernel\.ns_last_pid|kernel\.pty\.nr|kernel\.tainted|kernel\.sched_|kernel\.perf_event_max_sample_rate|fs\.(dentry-state|inode-nr|inode-state|file-nr|aio-nr|quota\.|binfmt_misc\.)|vm\.stat_|net\.netfilter\.nf_conntrack_count|net\.ipv4\.tcp_fastopen_key|net\.ipv6\.conf\.[^.]*\.stable_secret|debug\.)'

our_mounts() { { grep -F " $KC" /proc/mounts || true; } | awk '{print $2}' | sort -r; }
docker_pid() { cat "$KRUN/dockerd.pid" 2>/dev/null || true; }
docker_running() { local p; p="$(docker_pid)"; [ -n "$p" ] && kill -0 "$p" 2>/dev/null && docker info >/dev/null 2>&1; }
# every process of ours: the daemons, the shims and anything else started with our paths
our_pids() { pgrep -f -- "$KRUN/" 2>/dev/null | grep -vx "$$" || true; }

host_state() { # -> stdout: one fact per line, comparable with diff
  # a sysctl of several lines (fs.pipe-keep on newer kernels) as one fact, its values joined by " | " in their order:
  # compared line by line its lines would pair off as differences, and it cannot be written back as one value anyway
  sysctl -a 2>/dev/null | grep -Ev "$SYSCTL_VOLATILE" |
    awk -F' = ' '!($1 in v) {order[++n] = $1; v[$1] = $2; next} {v[$1] = v[$1] " | " $2}
                 END {for (i = 1; i <= n; i++) print "sysctl " order[i] " = " v[order[i]]}' | sort
  local t
  for t in filter nat mangle raw; do iptables -t "$t" -S 2>/dev/null | sed "s/^/iptables $t /"; done
  ip -o link show 2>/dev/null | awk -F': ' '{print "link " $2}' | cut -d@ -f1 | sort
  if [ -d /lib/modules ]; then echo "dir /lib/modules"; fi
  our_mounts | sed 's/^/mount /'
}

host_snapshot() {
  [ -f "$KRUN/host.before" ] && return 0   # a snapshot of a run that died: the host before *that* run
  host_state >"$KRUN/host.before.tmp"
  mv -f "$KRUN/host.before.tmp" "$KRUN/host.before"
}

# Puts back what the daemon and the node changed: sysctls (the node's kubelet and systemd write
# kernel.panic, vm.overcommit_memory, ... which are not namespaced), iptables policies and rules,
# network links, /lib/modules (`docker run -v` creates it), mounts under our data root.
host_restore() {
  [ -f "$KRUN/host.before" ] || return 0
  local now k v
  now="$(host_state)"
  # sysctls present before and now, with another value now
  join -t= <(sed -n 's/^sysctl //p' "$KRUN/host.before" | sed 's/ = /=/' | sort -t= -k1,1) \
           <(sed -n 's/^sysctl //p' <<<"$now" | sed 's/ = /=/' | sort -t= -k1,1) |
    awk -F= '$2 != $3 {print $1 "=" $2}' | while IFS='=' read -r k v; do
      sysctl -q -w "$k=$v" >/dev/null 2>&1 || log "WARNING: could not restore sysctl $k=$v"
    done
  # iptables: built-in policies, then chains and rules that were not there before
  local t p
  for t in filter nat mangle raw; do
    { grep "^iptables $t -P " "$KRUN/host.before" || true; } | while read -r _ _ _ c p; do iptables -t "$t" -P "$c" "$p" 2>/dev/null || true; done
    comm -13 <(grep "^iptables $t -A " "$KRUN/host.before" | sort) <(grep "^iptables $t -A " <<<"$now" | sort) |
      while read -r _ _ _ rule; do
        # shellcheck disable=SC2086
        iptables -t "$t" -D $rule 2>/dev/null || true
      done
    comm -13 <(grep "^iptables $t -N " "$KRUN/host.before" | sort) <(grep "^iptables $t -N " <<<"$now" | sort) |
      while read -r _ _ _ c; do iptables -t "$t" -F "$c" 2>/dev/null; iptables -t "$t" -X "$c" 2>/dev/null || true; done
  done
  # links that appeared (docker's bridges, node veths)
  comm -13 <(grep '^link ' "$KRUN/host.before" | sort) <(grep '^link ' <<<"$now" | sort) |
    while read -r _ l; do case $l in br-*|veth*|docker*) ip link delete "$l" 2>/dev/null || true ;; esac; done
  if ! grep -qx 'dir /lib/modules' "$KRUN/host.before" && [ -d /lib/modules ]; then
    rmdir /lib/modules 2>/dev/null || log "WARNING: /lib/modules was created during the run and is not empty: left in place"
  fi
  local m
  for m in $(our_mounts); do umount -l "$m" 2>/dev/null || true; done
}

# Differences between the host now and the snapshot (empty: clean), one per line
host_leftovers() {
  [ -f "$KRUN/host.before" ] || return 0
  diff <(grep -v '^sysctl ' "$KRUN/host.before") <(host_state | grep -v '^sysctl ') |
    sed -n 's/^< /gone: /p; s/^> /new: /p' || true
  join -t= <(sed -n 's/^sysctl //p' "$KRUN/host.before" | sed 's/ = /=/' | sort -t= -k1,1) \
           <(host_state | sed -n 's/^sysctl //p' | sed 's/ = /=/' | sort -t= -k1,1) |
    awk -F= '$2 != $3 {print "sysctl " $1 " was " $2 ", is " $3}'
  local p
  for p in $(our_pids); do printf 'process %s %s\n' "$p" "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-100)"; done
}

# dockerd's runtime: runc with CAP_SYS_RESOURCE removed from the container's capability sets. This
# host's bounding set lacks it, so runc fails on every privileged container ("unable to apply caps")
# while it asks for all capabilities.
write_runtime_wrapper() {
  cat >"$KRUN/sc-runc" <<'SH'
#!/bin/sh
# sidecar-conformance clusters/kind: runc without CAP_SYS_RESOURCE (absent from this host's bounding set)
# the container's config (create, run: --bundle) or an exec's process (exec: --process)
bundle=""; process=""; prev=""
for a in "$@"; do
  case $prev in --bundle|-b) bundle=$a ;; --process|-p) process=$a ;; esac
  case $a in --bundle=*) bundle=${a#--bundle=} ;; --process=*) process=${a#--process=} ;; esac
  prev=$a
done
drop='if . == null then . else with_entries(.value |= map(select(. != "CAP_SYS_RESOURCE"))) end'
if [ -n "$bundle" ] && [ -f "$bundle/config.json" ]; then
  jq -c ".process.capabilities |= ($drop)" "$bundle/config.json" >"$bundle/config.json.sc" &&
    mv -f "$bundle/config.json.sc" "$bundle/config.json"
fi
if [ -n "$process" ] && [ -f "$process" ]; then
  jq -c ".capabilities |= ($drop)" "$process" >"$process.sc" && mv -f "$process.sc" "$process"
fi
exec /usr/sbin/runc "$@"
SH
  chmod 0755 "$KRUN/sc-runc"
}

docker_start() {
  docker_running && return 0
  local d
  for d in /usr/sbin/dockerd /usr/bin/containerd /usr/sbin/runc; do [ -x "$d" ] || die "$d missing; run: apt-get install docker.io"; done
  [ -n "$(our_pids)" ] && docker_stop
  mkdir -p "$KRUN/logs" "$KC/docker" "$KC/containerd"
  host_snapshot
  write_runtime_wrapper
  cat >"$KRUN/containerd.toml" <<EOF
version = 2
root = "$KC/containerd"
state = "$KRUN/containerd"
oom_score = 0
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$KRUN/containerd.sock"
[ttrpc]
  address = "$KRUN/containerd.sock.ttrpc"
EOF
  echo '{}' >"$KRUN/daemon.json"
  log "starting containerd and dockerd (data root $KC/docker, socket $KRUN/docker.sock)"
  setsid /usr/bin/containerd --config "$KRUN/containerd.toml" >>"$KRUN/logs/containerd.log" 2>&1 </dev/null &
  echo $! >"$KRUN/containerd.pid"

  for _ in $(seq 1 50); do [ -S "$KRUN/containerd.sock" ] && break; sleep 0.2; done
  [ -S "$KRUN/containerd.sock" ] || { docker_stop; die "containerd did not start; see $KRUN/logs/containerd.log"; }
  # no iptables rules, no forwarding, no default bridge: kind's network is a plain bridge, the API
  # server is published on 127.0.0.1 by docker-proxy, and the host's firewall stays as it is
  setsid /usr/sbin/dockerd --config-file "$KRUN/daemon.json" --data-root "$KC/docker" --exec-root "$KRUN/exec" \
    --pidfile "$KRUN/dockerd.pid" -H "$DOCKER_HOST" --containerd "$KRUN/containerd.sock" \
    --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --bridge=none \
    --add-runtime "sc-runc=$KRUN/sc-runc" --default-runtime sc-runc --oom-score-adjust=0 \
    >>"$KRUN/logs/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { docker_stop; die "dockerd did not answer within 30 s; see $KRUN/logs/dockerd.log"; }
  log "Docker $(docker version -f '{{.Server.Version}}') running (pid $(docker_pid))"
}

docker_stop() {
  local p pids=()
  if docker info >/dev/null 2>&1; then
    # containers left (a node whose cluster was not deleted): stop them the way docker does
    local c; c="$(docker ps -aq 2>/dev/null || true)"
    # shellcheck disable=SC2086
    [ -z "$c" ] || docker rm -f $c >/dev/null 2>&1 || true
    docker network ls --filter type=custom -q 2>/dev/null | xargs -r docker network rm >/dev/null 2>&1 || true
  fi
  for p in "$(docker_pid)" "$(cat "$KRUN/containerd.pid" 2>/dev/null || true)"; do
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null && { kill -TERM "$p"; pids+=("$p"); }
  done
  for _ in $(seq 1 60); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.5
  done
  for p in $(our_pids); do kill -KILL "$p" 2>/dev/null || true; done
  sleep 0.5
  local m
  for m in $(our_mounts); do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$KRUN/exec" "$KRUN/containerd" "$KRUN/dockerd.pid" "$KRUN/containerd.pid" "$KRUN/docker.sock" \
         "$KRUN/containerd.sock" "$KRUN/containerd.sock.ttrpc"
}
