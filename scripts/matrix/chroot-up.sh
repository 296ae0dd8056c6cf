#!/usr/bin/env bash
# Creates (or reuses) a Debian chroot under .work/chroots/<suite> with the packages the matrix
# needs: trixie (PHP 8.4, MariaDB 11.8, PHPUnit 11, clang 19) or bullseye (PHP 7.4 and its headers,
# MariaDB 10.5, clang 11, valgrind).
# From the same Debian archive the host uses; the debootstrapped base is kept as a tarball so a
# failed package step restarts in seconds, and a finished chroot is reused as is.
#   scripts/matrix/chroot-up.sh trixie|bullseye
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

suite="${1:-}"
case "$suite" in
  trixie)
    packages=(php8.4-cli php8.4-dev php8.4-curl php8.4-mbstring php8.4-xml php8.4-mysql php8.4-gd
      php8.4-intl php8.4-zip php8.4-bcmath phpunit clang libclang-dev gcc libc6-dev python3 openssl
      mariadb-server mariadb-client xz-utils unzip zip curl ca-certificates procps) ;;
  bullseye)
    # php7.4-bcmath is missing from the archive; PrestaShop 1.7.8.11 installs without it.
    packages=(php7.4-cli php7.4-curl php7.4-mbstring php7.4-xml php7.4-mysql php7.4-gd
      php7.4-intl php7.4-zip mariadb-server mariadb-client xz-utils unzip zip curl
      ca-certificates procps
      # The phper build of the extension for PHP 7.4 (build-ext74.sh) and its memcheck.
      php7.4-dev clang libclang-dev gcc libc6-dev valgrind
      # The PHP suites' TLS and hostile-answer servers.
      python3 openssl) ;;
  *) die "usage: $0 trixie|bullseye" ;;
esac

dir="$(chroot_dir "$suite")"
# make test prefetches the chroots in the background: one creator at a time, the other waits.
exec 9>"$CHROOTS/$suite.lock"
flock 9
stamp="$dir/.sofinco-ready"
want="$(printf '%s\n' "${packages[@]}" | sha256sum | cut -c1-16)"
# MariaDB's install script resolves the host name: the chroot needs the host's /etc/hosts.
sync_hosts() { [ ! -d "$dir/etc" ] || cp /etc/hosts "$dir/etc/hosts"; }
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  sync_hosts
  log "reusing chroot $dir"
  exit 0
fi

command -v debootstrap >/dev/null || die "debootstrap not found: run scripts/install-deps.sh"
t0=$(now_s)
base="$CHROOTS/$suite-base.tar"
if [ -x "$dir/usr/bin/apt-get" ] && [ -f "$stamp" ]; then
  log "chroot $dir: installing the packages that changed"
elif [ -f "$base" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xf "$base" -C "$dir"
  log "base $suite restored from $base in $(elapsed "$t0") s"
else
  rm -rf "$dir"
  mkdir -p "$dir"
  log "debootstrap $suite from $(host_mirror)"
  debootstrap --variant=minbase "$suite" "$dir" "$(host_mirror)" >"$CHROOTS/$suite-debootstrap.log" 2>&1 \
    || { tail -n 20 "$CHROOTS/$suite-debootstrap.log" >&2; die "debootstrap $suite failed"; }
  # debootstrap mounts /proc in the chroot while it works: never archive a live mount.
  umount "$dir/proc" 2>/dev/null || true
  tar --one-file-system -cf "$base.tmp" -C "$dir" . && mv "$base.tmp" "$base"
  log "debootstrap $suite in $(elapsed "$t0") s"
fi

t1=$(now_s)
# No service may start inside the chroot: the tests start their own MariaDB on loopback.
printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
chmod +x "$dir/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
sync_hosts
in_chroot "$suite" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$CHROOTS/$suite-apt.log" 2>&1 \
  && in_chroot "$suite" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${packages[@]}" >>"$CHROOTS/$suite-apt.log" 2>&1 \
  || { tail -n 20 "$CHROOTS/$suite-apt.log" >&2; die "apt-get install in $suite failed (log: $CHROOTS/$suite-apt.log)"; }
in_chroot "$suite" apt-get clean
echo "$want" >"$stamp"
log "chroot $suite ready in $(elapsed "$t0") s (packages $(elapsed "$t1") s): $(in_chroot "$suite" php -r 'echo PHP_VERSION;')"
