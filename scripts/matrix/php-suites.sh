#!/usr/bin/env bash
# The PHP suites (tests/php: extension, client, sync against the sandbox) with the extension
# built for the chroot's PHP (scripts/matrix/build-ext.sh): on trixie's PHP 8.4 under trixie's
# PHPUnit 11 (phpunit.11.xml: a deprecation from our code fails); on sid's PHP 8.5 under
# Debian 12's PHPUnit 9.6 (phpunit.xml; sid's own would pull a second PHP into the chroot).
# Then the client logs are checked for secrets, as make test-php does.
#   scripts/matrix/php-suites.sh [8.4|8.5]   (default 8.4)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

v="${1:-8.4}"
case "$v" in 8.4) suite=trixie ;; 8.5) suite=sid ;; *) die "usage: $0 [8.4|8.5]" ;; esac
tag="php${v/./}"
so="$ROOT/.work/target-$tag/debug/libsofinco.so"
sandbox="$ROOT/target/debug/sofinco-sandbox"
[ -f "$so" ] || die "no PHP $v build: run scripts/matrix/build-ext.sh debug $v"
logs="$ROOT/.work/matrix/$tag-logs"
status=0
run() {
  local slug="$1" name="$2" out="$ROOT/.work/matrix/$tag-$1.log" rc=0
  shift 2
  rm -rf "$logs"
  log "PHP $v suites with $name"
  (cd "$ROOT" && in_chroot "$suite" env SOFINCO_TEST_LOGS="$logs" SOFINCO_EXT="$so" SOFINCO_SANDBOX="$sandbox" \
    "$@") >"$out" 2>&1 || rc=$?
  [ "$rc" != 0 ] || "$ROOT/scripts/check-logs.sh" "$logs" >>"$out" 2>&1 || rc=$?
  tail -n 3 "$out" >&2
  [ "$rc" = 0 ] || { tail -n 40 "$out" >&2; status=1; }
  record "PHP $v ($suite)" "PHP suites, $name" "$out" "$rc"
}
if [ "$v" = 8.4 ]; then
  run phpunit11 "PHPUnit 11 (trixie)" php8.4 -d extension="$so" /usr/bin/phpunit --configuration phpunit.11.xml
else
  run phpunit96 "PHPUnit 9.6 (Debian 12)" "php$v" -d extension="$so" -d include_path=.:/opt/bookworm-php \
    /opt/bookworm-phpunit --configuration phpunit.xml
fi
exit "$status"
