# shellcheck shell=bash
# clusters/local-v2/lib/store.sh: containerd's image store for the guest, made on this machine: the row's containerd
# build imports the local images (pause, busybox, dind, proxy) at host speed into a private root, which becomes an ext4
# image cached per containerd version and pause tag ($V2_CACHE/store-<containerd>-pause<tag>.img; rebuilt when an
# image changes). Each run mounts a copy-on-write of it at /var/lib/containerd in the guest. Importing in the guest
# instead takes ~95 s per up (ctr's page faults are slow under UML). Sourced by cluster.sh (uses its constants, log, die; clusters/local's
# runtime_paths, containerd_config_v3, prop).

# one store per containerd build and pause tag (rows 1.30-1.34 share containerd v2.1.9 but not their pause)
store_img() { printf '%s/store-%s-pause%s.img' "$V2_CACHE" "$(containerd_of "$1")" "$(pause_of "$1")"; }

store_images() { # id -> "ref tarball" lines
  local kb ref refs
  kb="$(k8s_dir "$(k8s_version_of "$1")")/bin"
  mapfile -t refs < <(suite_image_refs)
  for ref in "localhost/sidecar-conformance/pause:$(cat "$kb/pause.tag")" "${refs[@]}"; do
    printf '%s %s\n' "$ref" "$(image_tar "$ref")"
  done
}

# what a store holds: the containerd build and every image's config digest (images.sh writes <tar>.id)
store_recipe() { # id
  local ref tar
  { containerd_of "$1"; while read -r ref tar; do printf '%s %s\n' "$ref" "$(cat "$tar.id" 2>/dev/null)"; done < <(store_images "$1")
    sha256sum "$V2_HERE/lib/store.sh" | cut -d' ' -f1; } | sha256sum | cut -d' ' -f1
}

store_built() { [ -f "$(store_img "$1")" ] && [ "$(cat "$(store_img "$1").recipe" 2>/dev/null)" = "$(store_recipe "$1")" ]; }

build_store() { # id
  local id=$1 w ref tar pid i
  store_built "$id" && return 0
  exec 7>"$V2_CACHE/build.lock"
  flock 7
  if store_built "$id"; then flock -u 7; return 0; fi
  rm -rf "$V2_CACHE"/store-build.*
  w="$(mktemp -d "$V2_CACHE/store-build.XXXXXX")"
  runtime_paths "$id"
  log "image store for containerd $(containerd_of "$id"): importing $(store_images "$id" | awk '{printf "%s ", $1}')"
  (
    # shellcheck disable=SC2034 # read by containerd_config_v3
    CTRD_ROOT="$w/root" CTRD_STATE="$w/state" CTRD_SOCK="$w/containerd.sock" CNI_CONF_DIR="$w/cni"
    mkdir -p "$CNI_CONF_DIR"
    containerd_config_v3 "$(store_images "$id" | awk 'NR == 1 {print $1}')"
  ) >"$w/containerd.toml"
  # SC_BUILDING=1: clusters/local counts it as a build, not as a stray process of a cluster
  SC_BUILDING=1 setsid "$CTRD_BIN" --config "$w/containerd.toml" >"$w/containerd.log" 2>&1 </dev/null 7>&- 8>&- 9>&- &
  pid=$!
  for ((i = 0; i < 150; i++)); do "$CTR_BIN" --address "$w/containerd.sock" version >/dev/null 2>&1 && break; sleep 0.2; done
  local ok=1
  while read -r ref tar; do
    "$CTR_BIN" --address "$w/containerd.sock" -n k8s.io images import "$tar" >>"$w/import.log" 2>&1 || { ok=0; break; }
  done < <(store_images "$id")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  [ "$ok" = 1 ] || die "importing $ref into the guest's image store failed: $(tail -n 1 "$w/import.log"); log: $w/import.log"
  # the CRI's bookkeeping of this private containerd is no node's
  rm -rf "$w/root/io.containerd.grpc.v1.cri" "$w/root/io.containerd.sandbox.controller.v1.shim"
  run_step "image store: writing the ext4 image" "$w/mkfs.log" mkfs.ext4 -q -F -L ctrd -d "$w/root" "$w/store.img" 4G
  mv -f "$w/store.img" "$(store_img "$id")"
  store_recipe "$id" >"$(store_img "$id").recipe"
  rm -rf "$w"
  flock -u 7
  log "image store: $(store_img "$id") ($(du -m "$(store_img "$id")" | cut -f1) MiB used)"
}
