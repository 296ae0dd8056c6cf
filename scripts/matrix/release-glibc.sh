#!/usr/bin/env bash
# The pre-built archive for one PHP, built against Debian 11's glibc 2.31 so that one archive
# serves Debian 11 and later: cargo build --release in the bullseye chroot (PHP 7.4's own
# php-config, or scripts/matrix/php-dev-shim.sh's headers for 8.2, 8.4, 8.5), then
# scripts/release.sh where that PHP runs (bullseye 7.4, host 8.2, trixie 8.4, sid 8.5): glibc
# check, loaded into that PHP, zipped with the licences, SHA256SUMS. Prints build time and size.
#   scripts/matrix/release-glibc.sh 7.4|8.2|8.4|8.5 OUT-DIR   (OUT-DIR under the repository)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"

v="${1:-}"
out="${2:?usage: $0 7.4|8.2|8.4|8.5 OUT-DIR}"
case "$v" in
  7.4) home=bullseye crate=sofinco-php7 lib=libsofinco_php7.so ;;
  8.2) home=host crate=sofinco-php lib=libsofinco.so ;;
  8.4) home=trixie crate=sofinco-php lib=libsofinco.so ;;
  8.5) home=sid crate=sofinco-php lib=libsofinco.so ;;
  *) die "usage: $0 7.4|8.2|8.4|8.5 OUT-DIR" ;;
esac
mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$out" in "$ROOT"/*) ;; *) die "$out is outside $ROOT: the chroots cannot write there" ;; esac

"$here/chroot-up.sh" bullseye >&2
[ "$home" = host ] || [ "$home" = bullseye ] || "$here/chroot-up.sh" "$home" >&2
if [ "$v" = 7.4 ]; then
  php_config=/usr/bin/php-config7.4 php=/usr/bin/php7.4
else
  php_config="$("$here/php-dev-shim.sh" "$v")"
  php="$(dirname "$php_config")/php"
fi
(cd "$ROOT" && cargo fetch --locked -q) || die "cargo fetch on the host failed"
copy_registry bullseye

# One target dir for every PHP: only ext-php-rs / phper and the binding are rebuilt for the
# next PHP (the .so is copied out before). One release-glibc.sh at a time.
target="$ROOT/.work/target-glibc231"
mkdir -p "$target"
t0=$(now_s)
(cd "$ROOT" && in_chroot bullseye env CARGO_TARGET_DIR="$target" PHP_CONFIG="$php_config" PHP="$php" \
  cargo build --release --locked --offline -p "$crate") >"$target/php$v.log" 2>&1 \
  || { tail -n 30 "$target/php$v.log" >&2; die "cargo build for PHP $v in bullseye failed (log: $target/php$v.log)"; }
so="$target/sofinco-php$v.so"
cp "$target/release/$lib" "$so"
log "PHP $v: built on bullseye in $(elapsed "$t0") s, $(stat -c %s "$so") bytes"

case "$home" in
  host) (cd "$ROOT" && PHP_CONFIG="/usr/bin/php-config$v" RELEASE_SO="$so" scripts/release.sh "$out") ;;
  *) (cd "$ROOT" && in_chroot "$home" env PHP_CONFIG="/usr/bin/php-config$v" RELEASE_SO="$so" scripts/release.sh "$out") ;;
esac
