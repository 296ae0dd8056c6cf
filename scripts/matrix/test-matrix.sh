#!/usr/bin/env bash
# make test-matrix: every PHP and PrestaShop this machine can really run, from chroots of the
# host's Debian archive (created once under .work/chroots, then reused):
#   PHP 8.4 (trixie): php -l, the extension built for it, the PHP suites under PHPUnit 11 and
#     9.6 (beside the shop suite), the shop suite on PrestaShop 8.2.1, and on 8.1.2 with
#     MATRIX_PS812=1 (off by default: make test's time budget);
#   PHP 7.4 (bullseye): php -l, the phper build of the extension (crates/sofinco-php7), the
#     PHP suites against it under PHPUnit 9.6, then under valgrind; the shop suite and the
#     browser checks on PrestaShop 1.7.8.11 and 8.1.2 with it (.work/target-php74);
#   PHP 8.2 (the host): its rows come from make test-php / test-shop when they ran.
# Prints the table of combinations with their test counts (MATRIX_TABLE=0: not, for make test);
# fails when any row failed.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"

t0=$(now_s)
rm -f "$RESULTS"
status=0
step() {
  local t rc=0
  t=$(now_s)
  "$@" || rc=$?
  printf '%s\t%s\n' "$*" "$(elapsed "$t")" >>"$ROOT/.work/matrix/timings.tsv"
  [ "$rc" = 0 ] || status=1
  return 0
}
rm -f "$ROOT/.work/matrix/timings.tsv"

# The two chroots download in parallel (latency-bound).
"$here/chroot-up.sh" bullseye >"$ROOT/.work/matrix/chroot-bullseye.log" 2>&1 &
bullseye=$!
step "$here/chroot-up.sh" trixie
wait "$bullseye" || { cat "$ROOT/.work/matrix/chroot-bullseye.log" >&2; status=1; }
cat "$ROOT/.work/matrix/chroot-bullseye.log" >&2

step "$here/php-lint.sh"
# The two PHP 7.4 shops install (mostly waiting on PrestaShop's installer) during the build.
(SHOP_SUITES=up "$here/shop-suite.sh" 1.7.8.11 7.4 && SHOP_SUITES=up "$here/shop-suite.sh" 8.1.2 7.4) &
up74=$!
step "$here/build-ext.sh" debug
wait "$up74" || status=1
# The PHP suites run beside the 8.2.1 shop suite: both mostly wait on their sandboxes and
# PrestaShop, and make test's 30 minutes need the 95 s this saves.
step "$here/php-suites.sh" &
php84=$!
step "$here/shop-suite.sh" 8.2.1
wait "$php84" || status=1
for suite in "PHPUnit 11 (trixie)" "PHPUnit 9.6 (Debian 12)"; do
  recorded_ok "PHP 8.4 (trixie)" "PHP suites, $suite" || status=1
done
[ "${MATRIX_PS812:-0}" = 0 ] || step "$here/shop-suite.sh" 8.1.2
# PHP 7.4: the phper build (the PHP 7.1-8.0 engine), its PHP suites, then valgrind over them.
step "$here/build-ext74.sh" debug
step "$here/php74-suites.sh"
step "$here/memcheck74.sh"
# PrestaShop 1.7.8.11 and 8.1.2 on PHP 7.4 (the phper build): shop suite and browser checks.
for ps in 1.7.8.11 8.1.2; do
  step "$here/shop-suite.sh" "$ps" 7.4
  for suite in "shop suite, PHPUnit 9.6" "browser checks, Chromium (host)"; do
    recorded_ok "PHP 7.4 (bullseye) + PrestaShop $ps" "$suite" || status=1
  done
done

# make test prints the table itself, once the host's suites beside it have ended.
[ "${MATRIX_TABLE:-1}" = 0 ] || "$here/table.sh"
log "make test-matrix: $([ "$status" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s"
exit "$status"
