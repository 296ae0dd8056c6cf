#!/usr/bin/env bash
# make test-matrix: every PHP and PrestaShop this machine can really run, from chroots of the
# host's Debian archive (created once under .work/chroots, then reused):
#   PHP 8.4 (trixie): php -l, the extension built for it, the PHP suites under PHPUnit 11 and
#     9.6 (beside the shop suite), the shop suite on PrestaShop 8.2.1, and on 8.1.2 with
#     MATRIX_PS812=1 (off by default: make test's time budget);
#   PHP 8.5 (sid + experimental): the extension built for it, the PHP suites under PHPUnit 9.6,
#     beside the 8.2.1 shop suite;
#   PHP 7.4 (bullseye): php -l, PrestaShop 1.7.8.11 with the module (tests/legacy), the phper
#     build of the extension (crates/sofinco-php7) and the PHP suites against it under
#     PHPUnit 9.6, then under valgrind; the 7.4 archive installed as README documents it;
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

# The chroots download in parallel (latency-bound); sid is needed only after the 8.4 build.
"$here/chroot-up.sh" bullseye >"$ROOT/.work/matrix/chroot-bullseye.log" 2>&1 &
bullseye=$!
"$here/chroot-up.sh" sid >"$ROOT/.work/matrix/chroot-sid.log" 2>&1 &
sid=$!
step "$here/chroot-up.sh" trixie
wait "$bullseye" || { cat "$ROOT/.work/matrix/chroot-bullseye.log" >&2; status=1; }
cat "$ROOT/.work/matrix/chroot-bullseye.log" >&2

step "$here/php-lint.sh"
# PrestaShop 1.7 needs no build: it runs (mostly waiting on its installer) during the build.
step "$here/ps17-check.sh" &
ps17=$!
step "$here/build-ext.sh" debug
wait "$ps17" || status=1
recorded_ok "PHP 7.4 (bullseye) + PrestaShop 1.7.8.11" "tests/legacy over HTTP, PHPUnit 9.6 (host)" || status=1
wait "$sid" || { cat "$ROOT/.work/matrix/chroot-sid.log" >&2; status=1; }
cat "$ROOT/.work/matrix/chroot-sid.log" >&2
# The PHP suites run beside the 8.2.1 shop suite: both mostly wait on their sandboxes and
# PrestaShop, and make test's 30 minutes need the 95 s this saves. So does PHP 8.5: its build
# then its suites, while the shop suite waits on PrestaShop.
step "$here/php-suites.sh" 8.4 &
php84=$!
{ step "$here/build-ext.sh" debug 8.5; step "$here/php-suites.sh" 8.5; } &
php85=$!
step "$here/shop-suite.sh" 8.2.1
wait "$php84" || status=1
wait "$php85" || status=1
for suite in "PHPUnit 11 (trixie)" "PHPUnit 9.6 (Debian 12)"; do
  recorded_ok "PHP 8.4 (trixie)" "PHP suites, $suite" || status=1
done
recorded_ok "PHP 8.5 (sid)" "PHP suites, PHPUnit 9.6 (Debian 12)" || status=1
[ "${MATRIX_PS812:-0}" = 0 ] || step "$here/shop-suite.sh" 8.1.2
# PHP 7.4: the phper build (the PHP 7.1-8.0 engine), its PHP suites, then valgrind over them.
step "$here/build-ext74.sh" debug
# A 7.4 merchant's install path (README, the French guide) with the 7.4 archive.
step "$here/install74-check.sh"
step "$here/php74-suites.sh"
step "$here/memcheck74.sh"

# make test prints the table itself, once the host's suites beside it have ended.
[ "${MATRIX_TABLE:-1}" = 0 ] || "$here/table.sh"
log "make test-matrix: $([ "$status" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s"
exit "$status"
