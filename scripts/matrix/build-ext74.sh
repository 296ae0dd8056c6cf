#!/usr/bin/env bash
# Builds the phper binding of the extension (crates/sofinco-php7, PHP 7.1-8.0) inside the
# bullseye chroot for its PHP 7.4 (host's Rust toolchain read-only, a copy of the host's cargo
# registry, offline: as build-ext.sh does for 8.4), then loads the .so into that PHP
# (`php -m` lists sofinco, StatusMapper answers, BUILD_PHP names 7.4) before keeping it.
# Target dir: .work/target-php74.
#   scripts/matrix/build-ext74.sh [debug|release]   (default debug; debug also builds the sandbox)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

profile="${1:-debug}"
# A debug build also builds the sandbox the PHP 7.4 suites run against (php74-suites.sh): the
# host's may need a newer glibc than bullseye's.
case "$profile" in
  debug) flags=(-p sofinco-php7 -p sofinco-sandbox) ;;
  release) flags=(--release -p sofinco-php7) ;;
  *) die "usage: $0 [debug|release]" ;;
esac
dir="$(chroot_dir bullseye)"
[ -f "$dir/.sofinco-ready" ] || die "no bullseye chroot: run scripts/matrix/chroot-up.sh bullseye"
[ -x "$dir/usr/bin/php-config7.4" ] || die "no php7.4-dev in the bullseye chroot: run scripts/matrix/chroot-up.sh bullseye"
target="$ROOT/.work/target-php74"

(cd "$ROOT" && cargo fetch --locked -q) || die "cargo fetch on the host failed"
copy_registry bullseye

t0=$(now_s)
log "cargo build ($profile) of sofinco-php7 for $(in_chroot bullseye php7.4 -r 'echo PHP_VERSION;') in the bullseye chroot"
(cd "$ROOT" && in_chroot bullseye env CARGO_TARGET_DIR="$target" PHP_CONFIG=/usr/bin/php-config7.4 \
  cargo build --locked --offline "${flags[@]}") \
  >"$ROOT/.work/target-php74.log" 2>&1 || { tail -n 30 "$ROOT/.work/target-php74.log" >&2; die "cargo build in bullseye failed"; }

so="$target/$profile/libsofinco_php7.so"
check="$(in_chroot bullseye php7.4 -n -d extension="$so" -r '
  echo in_array("sofinco", get_loaded_extensions(), true) ? "loaded" : "missing", " ",
    Sofinco\StatusMapper::stateFor("ETU") === Sofinco\OrderState::InStudy ? "in_study" : "other", " ", Sofinco\BUILD_PHP === PHP_VERSION ? "same-php" : "other-php";' 2>&1)" \
  || die "the PHP 7.4 build does not load into PHP 7.4: $check"
[ "$check" = "loaded in_study same-php" ] || die "the PHP 7.4 build answered '$check'"
log "built and loaded into PHP 7.4 in $(elapsed "$t0") s: $so ($(du -h "$so" | cut -f1))"
