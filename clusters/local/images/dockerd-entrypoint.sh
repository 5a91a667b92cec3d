#!/bin/sh
# The local dind image's stand-in for docker:dind's /usr/local/bin/dockerd-entrypoint.sh, for users' own pods
# (-Dworkload) that run it (as their command, or as the image's default). Like the original: no argument or a first
# argument that is a flag means dockerd with those flags; dockerd without a --host listens on the unix socket and,
# with DOCKER_TLS_CERTDIR empty (GitLab's "TLS disabled" setup), on tcp port 2375; stale pid files that a killed
# predecessor left on a shared /var/run are removed first (dockerd and its containerd refuse to start over them).
# Unlike the original it makes no TLS certificates: with DOCKER_TLS_CERTDIR set it says so and listens on the unix
# socket only.
set -e
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
    set -- dockerd "$@"
fi
if [ "$1" = dockerd ]; then
    case " $* " in
        *" --host"* | *" -H "*) ;;
        *)
            set -- "$@" --host=unix:///var/run/docker.sock
            if [ -z "${DOCKER_TLS_CERTDIR:-}" ]; then
                set -- "$@" --host=tcp://0.0.0.0:2375
            else
                echo "dockerd-entrypoint.sh (local stand-in): no TLS certificates here; listening on the unix socket only" >&2
            fi
            ;;
    esac
    find /run /var/run -iname 'docker*.pid' -exec rm -f {} + 2>/dev/null || :
    find /run /var/run -path '*containerd*' -iname '*.pid' -exec rm -f {} + 2>/dev/null || :
fi
exec "$@"
