#!/usr/bin/env bash
# Builds the extension (the sofinco-php crate alone) inside the chroot of a PHP the host lacks:
# trixie's PHP 8.4 (default) or sid's PHP 8.5 (experimental), with the host's Rust toolchain
# read-only and a copy of the host's cargo registry, offline; then loads the .so into that PHP
# (StatusMapper answers, buildInfo() names that PHP). Target dir: .work/target-php84 or -php85.
#   scripts/matrix/build-ext.sh [debug|release] [8.4|8.5]   (default debug 8.4)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

profile="${1:-debug}"
case "$profile" in debug) flags=() ;; release) flags=(--release) ;; *) die "usage: $0 [debug|release] [8.4|8.5]" ;; esac
v="${2:-8.4}"
case "$v" in 8.4) suite=trixie ;; 8.5) suite=sid ;; *) die "usage: $0 [debug|release] [8.4|8.5]" ;; esac
dir="$(chroot_dir "$suite")"
[ -f "$dir/.sofinco-ready" ] || die "no $suite chroot: run scripts/matrix/chroot-up.sh $suite"
target="$ROOT/.work/target-php${v/./}"

# The chroot builds offline from a copy of the host's registry: fetch what the lock file names
# first (nothing to do once the host has built the project).
(cd "$ROOT" && cargo fetch --locked -q) || die "cargo fetch on the host failed"
copy_registry "$suite"
# Only ext-php-rs (this PHP's headers) and the crates above it need compiling: the rest is the
# host's debug build, copied.
[ "$profile" != debug ] || "$ROOT/scripts/seed-target.sh" "$target"

t0=$(now_s)
log "cargo build ($profile) for $(in_chroot "$suite" "php$v" -r 'echo PHP_VERSION;') in the $suite chroot"
(cd "$ROOT" && in_chroot "$suite" env CARGO_TARGET_DIR="$target" PHP_CONFIG="/usr/bin/php-config$v" \
  PHP="/usr/bin/php$v" cargo build --locked --offline "${flags[@]}" -p sofinco-php) \
  >"$target.log" 2>&1 || { tail -n 30 "$target.log" >&2; die "cargo build in $suite failed"; }

so="$target/$profile/libsofinco.so"
check="$(in_chroot "$suite" "php$v" -n -d extension="$so" "$ROOT/tools/php/load-check.php" 2>&1)" \
  || die "the PHP $v build does not load into PHP $v: $check"
real="$(in_chroot "$suite" "php$v" -n -r 'echo PHP_VERSION;')"
[ "$check" = "in_study $real nts $profile" ] || die "the PHP $v build answered '$check'"
log "built and loaded into PHP $v in $(elapsed "$t0") s: $so"
