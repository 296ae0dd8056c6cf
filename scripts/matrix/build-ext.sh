#!/usr/bin/env bash
# Builds the extension (the sofinco-php crate alone) inside the trixie chroot for its PHP 8.4
# (host's Rust toolchain read-only, a copy of the host's cargo registry, offline), then loads the
# .so into that PHP (StatusMapper answers, buildInfo() names PHP 8.4). Target dir: .work/target-php84.
#   scripts/matrix/build-ext.sh [debug|release]   (default debug)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

profile="${1:-debug}"
case "$profile" in debug) flags=() ;; release) flags=(--release) ;; *) die "usage: $0 [debug|release]" ;; esac
dir="$(chroot_dir trixie)"
[ -f "$dir/.sofinco-ready" ] || die "no trixie chroot: run scripts/matrix/chroot-up.sh trixie"
target="$ROOT/.work/target-php84"

# The chroot builds offline from a copy of the host's registry: fetch what the lock file names
# first (nothing to do once the host has built the project).
(cd "$ROOT" && cargo fetch --locked -q) || die "cargo fetch on the host failed"
copy_registry trixie

t0=$(now_s)
log "cargo build ($profile) for $(in_chroot trixie php -r 'echo PHP_VERSION;') in the trixie chroot"
(cd "$ROOT" && in_chroot trixie env CARGO_TARGET_DIR="$target" PHP_CONFIG=/usr/bin/php-config8.4 \
  PHP=/usr/bin/php8.4 cargo build --locked --offline "${flags[@]}" -p sofinco-php) \
  >"$ROOT/.work/target-php84.log" 2>&1 || { tail -n 30 "$ROOT/.work/target-php84.log" >&2; die "cargo build in trixie failed"; }

so="$target/$profile/libsofinco.so"
check="$(in_chroot trixie php8.4 -n -d extension="$so" -r '
  $i = Sofinco\Internal::buildInfo();
  echo Sofinco\StatusMapper::group(Sofinco\StatusMapper::stateFor("ETU")), " ", $i["php"] === PHP_VERSION ? "same-php" : "other-php";' 2>&1)" \
  || die "the PHP 8.4 build does not load into PHP 8.4: $check"
[ "$check" = "pending same-php" ] || die "the PHP 8.4 build answered '$check'"
log "built and loaded into PHP 8.4 in $(elapsed "$t0") s: $so"
