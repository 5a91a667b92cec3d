# shellcheck shell=bash
# clusters/e2e/lib/sources.sh: the source trees the e2e images are compiled from, obtained by the project's own
# scripts on any machine, nothing fetched by hand. Sourced by e2e.sh (uses log, die, SC_CACHE).
#
# For a program (busybox, nginx) and the release upstream's image carries, in this order:
#   1. a git clone the user names (SC_BUSYBOX_GIT, SC_NGINX_GIT) that has that release's tag: that release;
#   2. Debian's source package of that release, if a suite of DEBIAN_SRC_SUITES has it;
#   3. else the newest release Debian's source packages have: a stand-in, recorded as such.
# From Debian we take the upstream release tarball only (`*.orig.tar.*`, unpatched), at the address apt names for
# it, checked against the SHA-256 of the archive's signed Sources index. The private apt state (sources, lists)
# lives under $SC_CACHE/src/apt; the machine's own apt configuration is read, never changed.
#
# fetch_source <program> <release> <dest> sets SRC_VERSION (the release actually unpacked into <dest>) and
# SRC_ORIGIN (one line: where it came from, and "a STAND-IN for upstream's <release>" when it is not that release).
# Returns 1 (with SRC_ORIGIN saying why) when no source can be had.

# The suites searched: the machine's own and the next Debian release (newer upstream releases).
DEBIAN_SRC_SUITES="${SC_DEBIAN_SRC_SUITES:-bookworm trixie}"
APT_SRC_DIR="$SC_CACHE/src/apt"

git_of() { # program -> the user's git clone for it (may not exist)
  case $1 in
    busybox) printf '%s' "${SC_BUSYBOX_GIT:-$SC_CACHE/src/busybox.git}" ;;
    nginx) printf '%s' "${SC_NGINX_GIT:-$SC_CACHE/src/nginx.git}" ;;
  esac
}

git_tag_of() { # program release -> the tag upstream gives that release
  case $1 in
    busybox) printf '%s' "${2//./_}" ;;
    nginx) printf 'release-%s' "$2" ;;
  esac
}

tag_versions() { # program; tags on stdin -> the releases they name
  case $1 in
    busybox) grep -E '^[0-9]+_[0-9]+_[0-9]+$' | tr _ . ;;
    nginx) sed -n 's/^release-\([0-9.]*\)$/\1/p' ;;
  esac
}

# The deb-src stanzas: every deb822 stanza of the machine's apt sources whose Types has deb, with Types deb-src; the
# first stanza that lists the machine's codename also gets the other suites of DEBIAN_SRC_SUITES.
apt_src_sources() {
  local codename
  codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v code="$codename" -v extra="$DEBIAN_SRC_SUITES" '
    function flush() { if (st != "" && deb) printf "%s\n", st; st = ""; deb = 0 }
    /^[[:space:]]*$/ { flush(); next }
    /^#/ { next }
    /^Types:/ { if ($0 ~ /(^|[[:space:]])deb([[:space:]]|$)/) deb = 1; st = st "Types: deb-src\n"; next }
    /^Suites:/ {
      line = $0
      if (!done && (" " $0 " ") ~ (" " code " ")) {
        n = split(extra, e, " ")
        for (i = 1; i <= n; i++) if ((" " line " ") !~ (" " e[i] " ")) line = line " " e[i]
        done = 1
      }
      st = st line "\n"; next
    }
    { st = st $0 "\n" }
    END { flush() }'
}

apt_src() { # apt-get or apt-cache with the private state
  local tool=$1; shift
  "$tool" -q -o Dir::Etc::SourceList="$APT_SRC_DIR/none.list" -o Dir::Etc::SourceParts="$APT_SRC_DIR/sources.list.d" \
    -o Dir::State::Lists="$APT_SRC_DIR/lists" -o Dir::Cache="$APT_SRC_DIR/cache" -o Debug::NoLocking=1 "$@"
}

# Refreshes the private source lists once a day (or when the sources changed).
apt_src_update() {
  local want
  mkdir -p "$APT_SRC_DIR/sources.list.d" "$APT_SRC_DIR/lists/partial" "$APT_SRC_DIR/cache/archives/partial"
  : >"$APT_SRC_DIR/none.list"
  want="$(apt_src_sources)"
  [ -n "$want" ] || { log "Debian sources: the machine's apt sources name no deb822 stanza to derive deb-src from"; return 1; }
  if [ "$want" != "$(cat "$APT_SRC_DIR/sources.list.d/debian-src.sources" 2>/dev/null)" ] ||
     [ -z "$(find "$APT_SRC_DIR/lists" -maxdepth 1 -name '*Sources*' -mtime -1 -print -quit)" ]; then
    printf '%s\n' "$want" >"$APT_SRC_DIR/sources.list.d/debian-src.sources"
    apt_src apt-get update >"$APT_SRC_DIR/update.log" 2>&1 ||
      { log "Debian sources: apt-get update failed ($(grep -m1 -E '^(E|W):' "$APT_SRC_DIR/update.log" | cut -c1-200)); log: $APT_SRC_DIR/update.log"; return 1; }
  fi
}

upstream_of() { # debian version -> upstream release (no epoch, no Debian revision)
  local v=${1#*:}
  printf '%s' "${v%-*}"
}

# The Debian source version to use for <program> <release>: one whose upstream part is <release>, else (a minor
# alone, "1.29") the newest of that minor, else the newest of all. Prints "<debian version>".
debian_version_for() { # program release
  local all
  all="$(apt_src apt-cache showsrc "$1" 2>/dev/null | awk '/^Version:/ {print $2}' | sort -u)"
  [ -n "$all" ] || return 1
  local v best="" newest=""
  while read -r v; do
    if [ -z "$newest" ] || dpkg --compare-versions "$v" gt "$newest"; then newest=$v; fi
    case "$(upstream_of "$v")" in
      "$2"|"$2".*) if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi ;;
    esac
  done <<<"$all"
  printf '%s' "${best:-$newest}"
}

# Downloads (once) and unpacks the upstream tarball of <program>'s Debian source <debian version> into <dest>.
debian_orig_tree() { # program debian-version dest
  local p=$1 dv=$2 dest=$3 line uri file hash dl
  line="$(apt_src apt-get source --print-uris "$p=$dv" 2>/dev/null | grep -E "\.orig\.tar\.(gz|bz2|xz) " | head -n1)" ||
    { log "Debian sources: apt names no upstream tarball for $p $dv"; return 1; }
  uri="$(cut -d' ' -f1 <<<"$line" | tr -d "'")"; file="$(cut -d' ' -f2 <<<"$line")"; hash="$(cut -d' ' -f4 <<<"$line")"
  [ "${hash%%:*}" = SHA256 ] || { log "Debian sources: no SHA-256 for $file"; return 1; }
  dl="$SC_CACHE/src/debian/$file"
  mkdir -p "$SC_CACHE/src/debian"
  if ! sha256sum "$dl" 2>/dev/null | grep -q "^${hash#SHA256:} "; then
    curl -fsS --retry 2 -o "$dl.part" "$uri" || { log "Debian sources: downloading $file failed"; rm -f "$dl.part"; return 1; }
    sha256sum "$dl.part" | grep -q "^${hash#SHA256:} " || { log "Debian sources: $file does not match the Sources index's SHA-256"; rm -f "$dl.part"; return 1; }
    mv -f "$dl.part" "$dl"
  fi
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$dl" -C "$dest" --strip-components=1
}

fetch_source() { # program release dest -> SRC_VERSION, SRC_ORIGIN
  local p=$1 want=$2 dest=$3 git tag dv
  SRC_VERSION=""; SRC_ORIGIN=""
  git="$(git_of "$p")"
  if [ -d "$git" ]; then
    # a minor alone ("1.29", docker's busybox:1.29): its last release among the clone's tags
    local rel=$want
    if [[ $want =~ ^[0-9]+\.[0-9]+$ ]]; then
      rel="$(git --git-dir="$git" tag -l 2>/dev/null | tag_versions "$p" | grep -E "^${want//./\\.}\.[0-9]+$" | sort -V | tail -n1 || true)"
    fi
    tag="$(git_tag_of "$p" "$rel")"
    if [ -n "$rel" ] && git --git-dir="$git" rev-parse -q --verify "refs/tags/$tag" >/dev/null 2>&1; then
      rm -rf "$dest"; mkdir -p "$dest"
      git --git-dir="$git" archive "$tag" | tar -x -C "$dest"
      SRC_VERSION=$rel; SRC_ORIGIN="tag $tag of the git clone $git"
      return 0
    fi
  fi
  apt_src_update || { SRC_ORIGIN="$p $want: Debian's source lists could not be read"; return 1; }
  dv="$(debian_version_for "$p" "$want")" || { SRC_ORIGIN="$p $want: no Debian source package $p in $DEBIAN_SRC_SUITES"; return 1; }
  debian_orig_tree "$p" "$dv" "$dest" || { SRC_ORIGIN="$p $want: the upstream tarball of Debian's $p $dv could not be had"; return 1; }
  SRC_VERSION="$(upstream_of "$dv")"
  SRC_ORIGIN="the upstream tarball of Debian's source package $p $dv (unpatched)"
  case $SRC_VERSION in
    "$want"|"$want".*) ;;
    *) SRC_ORIGIN="$SRC_ORIGIN: a STAND-IN for upstream's $want, which no Debian suite of $DEBIAN_SRC_SUITES has" ;;
  esac
}
