#!/usr/bin/env bash
# scripts/memcheck.sh on the bullseye chroot's PHP 7.4 with the phper build (build-ext74.sh):
# the extension and client suites under valgrind with Debian 12's PHPUnit 9.6; fails on a
# leak or an invalid access with a frame in the extension or phper.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

so="$ROOT/.work/target-php74/debug/libsofinco_php7.so"
sandbox="$ROOT/.work/target-php74/debug/sofinco-sandbox"
[ -f "$so" ] && [ -x "$sandbox" ] || die "no PHP 7.4 build: run scripts/matrix/build-ext74.sh"
out="$ROOT/.work/matrix/php74-memcheck.log"
rc=0
t0=$(now_s)
log "valgrind over the PHP 7.4 suites (phper build)"
(cd "$ROOT" && in_chroot bullseye env SOFINCO_EXT="$so" SOFINCO_SANDBOX="$sandbox" MEMCHECK_PHP=php7.4 \
  MEMCHECK_PHPUNIT=/opt/bookworm-phpunit MEMCHECK_PHP_ARGS="-d include_path=.:/opt/bookworm-php" \
  scripts/memcheck.sh "$so") >"$out" 2>&1 || rc=$?
tail -n 4 "$out" >&2
log "memcheck on PHP 7.4 in $(elapsed "$t0") s"
record "PHP 7.4 (bullseye, phper)" "valgrind over the PHP suites" "$out" "$rc"
exit "$rc"
