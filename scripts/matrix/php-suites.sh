#!/usr/bin/env bash
# The PHP suites (tests/php: extension, client, sync against the sandbox) on the trixie
# chroot's PHP 8.4 with the extension built for it, twice: trixie's PHPUnit 11 (phpunit.11.xml:
# a deprecation from our code fails) and Debian 12's PHPUnit 9.6 (phpunit.xml). Then the
# client logs are checked for secrets, as make test-php does.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

so="$ROOT/.work/target-php84/debug/libsofinco.so"
sandbox="$ROOT/target/debug/sofinco-sandbox"
[ -f "$so" ] || die "no PHP 8.4 build: run scripts/matrix/build-ext.sh"
logs="$ROOT/.work/matrix/php84-logs"
status=0
run() {
  local slug="$1" name="$2" out="$ROOT/.work/matrix/php84-$1.log" rc=0
  shift 2
  rm -rf "$logs"
  log "PHP 8.4 suites with $name"
  (cd "$ROOT" && in_chroot trixie env SOFINCO_TEST_LOGS="$logs" SOFINCO_EXT="$so" SOFINCO_SANDBOX="$sandbox" \
    "$@") >"$out" 2>&1 || rc=$?
  [ "$rc" != 0 ] || "$ROOT/scripts/check-logs.sh" "$logs" >>"$out" 2>&1 || rc=$?
  tail -n 3 "$out" >&2
  [ "$rc" = 0 ] || { tail -n 40 "$out" >&2; status=1; }
  record "PHP 8.4 (trixie)" "PHP suites, $name" "$out" "$rc"
}
run phpunit11 "PHPUnit 11 (trixie)" php8.4 -d extension="$so" /usr/bin/phpunit --configuration phpunit.11.xml
run phpunit96 "PHPUnit 9.6 (Debian 12)" php8.4 -d extension="$so" -d include_path=.:/opt/bookworm-php \
  /opt/bookworm-phpunit --configuration phpunit.xml
exit "$status"
