#!/usr/bin/env bash
# PrestaShop 1.7.8.11 on the bullseye chroot's PHP 7.4 (its MariaDB 10.5), the module installed
# from its zip as on any shop, then tests/legacy (the host's PHPUnit, over HTTP only): the
# configuration page says in French what is missing and what to do, the product page and a
# bank-wire checkout still work. Own work folder .work/matrix/ps17-php74 (CI=true stops it).
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

work="$ROOT/.work/matrix/ps17-php74"
out="$ROOT/.work/matrix/ps17-php74.log"
mkdir -p "$work"
t0=$(now_s)
rc=0
# No extension: none can be built for PHP 7 (ext-php-rs needs PHP 8.1+).
# The zip is built on the host: Composer writes its classmap, and the chroots have no Composer.
zip="$("$ROOT/scripts/dist.sh" --module-only)"
(cd "$ROOT" && in_chroot bullseye env SOFINCO_MODULE_ZIP="$zip" SHOP_WORK="$work" PS_VERSION=1.7.8.11 SHOP_PHP_ARGS= /bin/bash -c '
    set -e
    scripts/shop/shop-up.sh
    scripts/shop/shop-install-module.sh
  ') >"$out" 2>&1 || rc=$?
if [ "$rc" = 0 ]; then
  (cd "$ROOT" && SHOP_ENV="$work/shop.env" php "${PHPUNIT:-/usr/bin/phpunit}" --configuration phpunit-ps17.xml) >>"$out" 2>&1 || rc=$?
fi
if [ "${CI:-}" = true ]; then
  (cd "$ROOT" && in_chroot bullseye env SHOP_WORK="$work" scripts/shop/shop-down.sh) >>"$out" 2>&1 || true
fi
tail -n 3 "$out" >&2
[ "$rc" = 0 ] || tail -n 60 "$out" >&2
record "PHP 7.4 (bullseye) + PrestaShop 1.7.8.11" "tests/legacy over HTTP, PHPUnit 9.6 (host)" "$out" "$rc"
log "PrestaShop 1.7.8.11 on PHP 7.4: $([ "$rc" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s (log: $out)"
exit "$rc"
