#!/usr/bin/env bash
# make test-matrix: every PHP and PrestaShop this machine can really run, from chroots of the
# host's Debian archive (created once under .work/chroots, then reused), in two lanes that run
# side by side (with the host's suites they keep both cores busy the whole run):
#   lane 8.x — PHP 8.4 (trixie): php -l, the ext-php-rs build, the PHP suites under PHPUnit 11
#     (9.6 runs them on 7.4, 8.2 and 8.5), the shop suite on PrestaShop 8.2.1 with
#     MATRIX_PS821=1 and on 8.1.2 with MATRIX_PS812=1 (both off in make test for its time); PHP 8.5
#     (sid + experimental): the ext-php-rs build and the PHP suites under PHPUnit 9.6;
#   lane 7.4 — PHP 7.4 (bullseye): the phper build (crates/sofinco-php7), the 7.4 archive
#     installed as README documents it, the PHP suites under PHPUnit 9.6, then under valgrind;
#     the shop suite and the browser checks on PrestaShop 1.7.8.11 and 8.1.2 with it;
#   PHP 8.2 (the host): its rows come from make test-php / test-shop when they ran.
# Prints the table of combinations with their test counts (MATRIX_TABLE=0: not, for make test);
# fails when any row failed.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"
logs="$ROOT/.work/matrix"
mkdir -p "$logs"

t0=$(now_s)
rm -f "$RESULTS" "$logs/timings.tsv"
# step CMD...: runs a step, records its time; a failed step fails its lane (lane_status).
lane_status=0
step() {
  local t rc=0
  t=$(now_s)
  "$@" || rc=$?
  printf '%s\t%s\n' "$*" "$(elapsed "$t")" >>"$logs/timings.tsv"
  [ "$rc" = 0 ] || lane_status=1
  return 0
}
# chroot_ready SUITE: waits for (or creates) a chroot, its log kept and shown on failure.
chroot_ready() {
  "$here/chroot-up.sh" "$1" >"$logs/chroot-$1.log" 2>&1 || { cat "$logs/chroot-$1.log" >&2; return 1; }
}

lane_74() {
  step chroot_ready bullseye
  [ "$lane_status" = 0 ] || return 1
  # The two PHP 7.4 shops install (mostly waiting on PrestaShop's installer) during the build.
  (SHOP_SUITES=up "$here/shop-suite.sh" 1.7.8.11 7.4 && SHOP_SUITES=up "$here/shop-suite.sh" 8.1.2 7.4) \
    >"$logs/shops74-up.log" 2>&1 &
  local up74=$!
  # The phper build (the PHP 7.1-8.0 engine) and the sandbox built in bullseye (glibc 2.31).
  step "$here/build-ext74.sh" debug
  # A 7.4 merchant's install path (README, the French guide) with the 7.4 archive.
  step "$here/install74-check.sh"
  step "$here/php74-suites.sh"
  step "$here/memcheck74.sh"
  wait "$up74" || { cat "$logs/shops74-up.log" >&2; lane_status=1; }
  # The two 7.4 shops side by side: each mostly waits on PrestaShop, MariaDB and its sandbox.
  local ps pids=()
  for ps in 1.7.8.11 8.1.2; do
    ( lane_status=0; step "$here/shop-suite.sh" "$ps" 7.4; exit "$lane_status" ) >"$logs/lane-74-ps$ps.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || lane_status=1; done
  cat "$logs"/lane-74-ps*.log
  local suite
  for ps in 1.7.8.11 8.1.2; do
    for suite in "shop suite, PHPUnit 9.6" "browser checks, Chromium (host)"; do
      recorded_ok "PHP 7.4 (bullseye) + PrestaShop $ps" "$suite" || lane_status=1
    done
  done
  return "$lane_status"
}

lane_8x() {
  # sid is needed only after the 8.4 build.
  chroot_ready sid &
  local sid=$!
  step chroot_ready trixie
  # The 8.2.1 shop installs (mostly PrestaShop's installer) while the host builds.
  local up821=""
  if [ "${MATRIX_PS821:-0}" != 0 ]; then
    SHOP_SUITES=up "$here/shop-suite.sh" 8.2.1 >"$logs/shop821-up.log" 2>&1 &
    up821=$!
  fi
  # Under make test the matrix starts with lint: the builds below start from a copy of the
  # host's debug build (scripts/seed-target.sh) and the suites run the host's sandbox, which
  # make test builds after lint and cargo test; it writes the stamp (ok or failed) once done.
  if [ -n "${MATRIX_HOST_STAMP:-}" ]; then
    while [ ! -s "$MATRIX_HOST_STAMP" ]; do sleep 2; done
    [ "$(cat "$MATRIX_HOST_STAMP")" = ok ] || { log "the host's build failed: lane 8.x stops"; return 1; }
  fi
  step "$here/build-ext.sh" debug
  wait "$sid" || lane_status=1
  # The PHP suites of 8.4, and 8.5's build then its suites, run beside the 8.2.1 shop suite.
  ( lane_status=0; step "$here/php-suites.sh" 8.4; exit "$lane_status" ) &
  local php84=$!
  ( lane_status=0; step "$here/build-ext.sh" debug 8.5; step "$here/php-suites.sh" 8.5; exit "$lane_status" ) &
  local php85=$!
  # The 8.2.1 shop suite is opt-in (MATRIX_PS821=1): a fourth shop suite beside the host's
  # and the two 7.4 ones took make test to 2 153 s here (1 667 s without), over its 35 minutes.
  if [ -n "$up821" ]; then
    wait "$up821" || { cat "$logs/shop821-up.log" >&2; lane_status=1; }
    step "$here/shop-suite.sh" 8.2.1
    recorded_ok "PHP 8.4 (trixie) + PrestaShop 8.2.1" "shop suite, PHPUnit 11" || lane_status=1
  fi
  wait "$php84" || lane_status=1
  wait "$php85" || lane_status=1
  recorded_ok "PHP 8.4 (trixie)" "PHP suites, PHPUnit 11 (trixie)" || lane_status=1
  recorded_ok "PHP 8.5 (sid)" "PHP suites, PHPUnit 9.6 (Debian 12)" || lane_status=1
  [ "${MATRIX_PS812:-0}" = 0 ] || step "$here/shop-suite.sh" 8.1.2
  # php -l under 7.4 and 8.4 (bullseye is lane 7.4's: long ready by now).
  step chroot_ready bullseye
  step "$here/php-lint.sh"
  return "$lane_status"
}

status=0
lane_74 >"$logs/lane-74.log" 2>&1 &
lane74=$!
lane_8x >"$logs/lane-8x.log" 2>&1 || status=1
wait "$lane74" || status=1
for lane in 8x 74; do
  echo "== lane $lane (.work/matrix/lane-$lane.log)"
  cat "$logs/lane-$lane.log"
done

# make test prints the table itself, once the host's suites beside it have ended.
[ "${MATRIX_TABLE:-1}" = 0 ] || "$here/table.sh"
log "make test-matrix: $([ "$status" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s"
exit "$status"
