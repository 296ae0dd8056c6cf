#!/usr/bin/env bash
# The PHP suites (tests/php: extension, client, sync against the sandbox) on the bullseye
# chroot's PHP 7.4 with the phper build of the extension (build-ext74.sh), under Debian 12's
# PHPUnit 9.6 (phpunit.xml). Then the client logs are checked for secrets, as make test-php
# does.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

# SOFINCO_SO_PHP74: another build (the release one), as shop-suite.sh takes it.
so="${SOFINCO_SO_PHP74:-$ROOT/.work/target-php74/debug/libsofinco_php7.so}"
sandbox="$ROOT/.work/target-php74/debug/sofinco-sandbox"
[ -f "$so" ] || die "no PHP 7.4 build: run scripts/matrix/build-ext74.sh"
[ -x "$sandbox" ] || die "no sandbox built in bullseye: run scripts/matrix/build-ext74.sh"
logs="$ROOT/.work/matrix/php74-logs"
out="$ROOT/.work/matrix/php74-phpunit96.log"
rc=0
rm -rf "$logs"
log "PHP 7.4 suites (phper build) with PHPUnit 9.6 (Debian 12)"
(cd "$ROOT" && in_chroot bullseye env SOFINCO_TEST_LOGS="$logs" SOFINCO_EXT="$so" SOFINCO_SANDBOX="$sandbox" \
  php7.4 -d extension="$so" -d include_path=.:/opt/bookworm-php /opt/bookworm-phpunit \
  --configuration phpunit.xml) >"$out" 2>&1 || rc=$?
[ "$rc" != 0 ] || "$ROOT/scripts/check-logs.sh" "$logs" >>"$out" 2>&1 || rc=$?
tail -n 3 "$out" >&2
[ "$rc" = 0 ] || tail -n 60 "$out" >&2
record "PHP 7.4 (bullseye, phper$([ -z "${SOFINCO_SO_PHP74:-}" ] || echo ", $(basename "$(dirname "$so")")"))" \
  "PHP suites, PHPUnit 9.6 (Debian 12)" "$out" "$rc"
exit "$rc"
