#!/usr/bin/env bash
# The shop suite (tests/shop) on a real PrestaShop PS_VERSION (8.2.1 or 8.1.2) served by the
# trixie chroot's PHP 8.4 on its MariaDB 11.8, the module installed from its zip, with trixie's
# PHPUnit 11 (phpunit-shop.11.xml). Every PHP error of the shop's processes goes to
# <work>/php-errors.log: a deprecation or warning naming the module or the extension fails.
# Own work folder .work/matrix/ps<version>-php84 (reused like make test-shop's; CI=true stops it).
#   scripts/matrix/shop-suite.sh 8.2.1|8.1.2
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

ps="${1:-}"
case "$ps" in 8.1.2 | 8.2.1) ;; *) die "usage: $0 8.2.1|8.1.2" ;; esac
so="$ROOT/.work/target-php84/debug/libsofinco.so"
[ -f "$so" ] || die "no PHP 8.4 build: run scripts/matrix/build-ext.sh"
work="$ROOT/.work/matrix/ps${ps//./}-php84"
out="$ROOT/.work/matrix/ps${ps//./}-php84.log"
mkdir -p "$work"
errors="$work/php-errors.log"
rm -f "$errors"
php_args="-d extension=$so -d error_reporting=-1 -d log_errors=1 -d error_log=$errors"

t0=$(now_s)
rc=0
# The zip is built on the host: Composer writes its classmap, and the chroots have no Composer.
zip="$("$ROOT/scripts/dist.sh" --module-only)"
(cd "$ROOT" && in_chroot trixie env SOFINCO_MODULE_ZIP="$zip" SHOP_WORK="$work" PS_VERSION="$ps" SHOP_PHP_ARGS="$php_args" \
  SOFINCO_SANDBOX="$ROOT/target/debug/sofinco-sandbox" /bin/bash -c '
    set -e
    scripts/shop/shop-up.sh
    scripts/shop/shop-install-module.sh
    php8.4 /usr/bin/phpunit --configuration phpunit-shop.11.xml
    scripts/check-logs.sh "$SHOP_WORK"/prestashop/var/logs/sofincosignature-*
  ') >"$out" 2>&1 || rc=$?
if [ "${CI:-}" = true ]; then
  (cd "$ROOT" && in_chroot trixie env SHOP_WORK="$work" scripts/shop/shop-down.sh) >>"$out" 2>&1 || true
fi
# PrestaShop itself is noisy under PHP 8.4; our code must not be.
if grep -aE 'Deprecated|Warning|Notice' "$errors" 2>/dev/null | grep -aE 'modules/sofincosignature/|Sofinco\\|libsofinco' >"$work/our-errors.log"; then
  echo "PHP 8.4 notices from the module or the extension (PrestaShop $ps):" >>"$out"
  head -n 20 "$work/our-errors.log" >>"$out"
  rc=1
fi
tail -n 3 "$out" >&2
[ "$rc" = 0 ] || tail -n 60 "$out" >&2
record "PHP 8.4 (trixie) + PrestaShop $ps" "shop suite, PHPUnit 11" "$out" "$rc"
log "PrestaShop $ps on PHP 8.4: $([ "$rc" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s (log: $out)"
exit "$rc"
