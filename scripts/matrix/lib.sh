# shellcheck shell=bash
# Shared helpers for scripts/matrix/*.sh (sourced, not run): the Debian chroots the PHP ×
# PrestaShop matrix runs in, under .work/chroots/.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHROOTS="${MATRIX_CHROOTS:-$ROOT/.work/chroots}"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
mkdir -p "$CHROOTS"
export PATH="$PATH:/usr/sbin:/sbin"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

chroot_dir() { echo "$CHROOTS/$1"; }

# host_mirror: the Debian archive the host's apt uses (deb822 or one-line sources).
host_mirror() {
  local url
  url="$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list 2>/dev/null \
    | grep -v security | sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' \
    | awk '{print $1}' | grep -m1 debian || true)"
  echo "${url:-http://deb.debian.org/debian}"
}

# copy_registry SUITE: the host's cargo registry copied (then brought up to date) into the
# chroot: cargo writes lock files into its registry, so not the host's own; builds run offline,
# nothing is downloaded (a crate the host never fetched fails the build, as it should).
copy_registry() {
  local dir
  dir="$(chroot_dir "$1")"
  [ -d "$HOME/.cargo/registry" ] || return 0
  mkdir -p "$dir/root/.cargo/registry"
  cp -a -u "$HOME/.cargo/registry/." "$dir/root/.cargo/registry/"
}

# in_chroot SUITE CMD...: runs CMD inside the chroot in a private mount namespace (the mounts
# vanish with the last process in it): /proc, /dev, the worktree and ../shared at the same
# paths as on the host (so shop.env paths hold on both sides), the host's Rust toolchain
# read-only, the host's PHPUnit 9.6 (/usr/share/php at /opt/bookworm-php, /usr/bin/phpunit at
# /opt/bookworm-phpunit). Processes started in the background keep the namespace alive.
in_chroot() {
  local suite="$1" dir
  shift
  dir="$(chroot_dir "$suite")"
  [ -d "$dir/usr" ] || die "no chroot $dir: run scripts/matrix/chroot-up.sh $suite"
  unshare --mount --propagation private -- /bin/bash -c '
    set -e
    dir="$1"; root="$2"; shared="$3"; shift 3
    mount -t proc proc "$dir/proc"
    mount --rbind /dev "$dir/dev"
    mkdir -p "$dir$root" "$dir$shared" "$dir/root/.rustup" "$dir/root/.cargo/bin" "$dir/tmp"
    chmod 1777 "$dir/tmp"
    mount --bind "$root" "$dir$root"
    [ -d "$shared" ] && mount --bind -o ro "$shared" "$dir$shared"
    # Debian 12'"'"'s PHPUnit 9.6 (the host'"'"'s), beside the suite'"'"'s own, for the suites that run both.
    if [ -f /usr/share/php/PHPUnit/Autoload.php ]; then
      mkdir -p "$dir/opt/bookworm-php"
      mount --bind -o ro /usr/share/php "$dir/opt/bookworm-php"
      touch "$dir/opt/bookworm-phpunit"
      mount --bind -o ro /usr/bin/phpunit "$dir/opt/bookworm-phpunit"
    fi
    if [ -d "$HOME/.rustup" ]; then
      mount --bind "$HOME/.rustup" "$dir/root/.rustup" && mount -o remount,bind,ro "$dir/root/.rustup"
      mount --bind "$HOME/.cargo/bin" "$dir/root/.cargo/bin" && mount -o remount,bind,ro "$dir/root/.cargo/bin"
    fi
    exec chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
      PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      RUSTUP_HOME=/root/.rustup CARGO_HOME=/root/.cargo CARGO_NET_OFFLINE=true TZ=Europe/Paris \
      /bin/bash -c "cd \"\$0\" 2>/dev/null || cd /; exec \"\$@\"" "$PWD" "$@"
  ' in_chroot "$dir" "$ROOT" "$SHARED" "$@"
}

# The matrix's results: one line per suite run, "<combination>\t<suite>\t<tests>\t<ok|FAILED>".
RESULTS="$ROOT/.work/matrix/results.tsv"
mkdir -p "$(dirname "$RESULTS")"

# record COMBINATION SUITE LOGFILE STATUS: counts the tests PHPUnit reported in LOGFILE
# ("OK (52 tests, ..." or "Tests: 52, ...") and appends the line to RESULTS.
record() {
  local combo="$1" suite="$2" logfile="$3" status="$4" count
  count="$(grep -aoE '^OK \([0-9]+ tests?|^Tests: [0-9]+|^# tests [0-9]+' "$logfile" 2>/dev/null | grep -oE '[0-9]+' | tail -1 || true)"
  printf '%s\t%s\t%s\t%s\n' "$combo" "$suite" "${count:-?}" "$([ "$status" = 0 ] && echo ok || echo FAILED)" >>"$RESULTS"
}

# recorded_ok COMBINATION SUITE: whether RESULTS has that row and it passed (a suite run in the
# background: step cannot keep its exit status).
recorded_ok() {
  grep -qP "^\Q$1\E\t\Q$2\E\t[^\t]*\tok$" "$RESULTS"
}
