#!/usr/bin/env bash
# make soak: the fault soak in a shop of its own (.work/soak), with the release extension.
# make test-soak-small: the same with SOAK_N=300 and the debug build (SOAK_PROFILE=debug),
# the one make test builds anyway.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export SHOP_WORK="${SOAK_WORK:-$root/.work/soak}"
export SHOP_ENV="$SHOP_WORK/shop.env"
profile="${SOAK_PROFILE:-release}"
so="$root/target/$profile/libsofinco.so"
export SHOP_PHP_ARGS="-d extension=$so"
export SOFINCO_SANDBOX="$root/target/$profile/sofinco-sandbox"
"$root/scripts/shop/shop-up.sh"
"$root/scripts/shop/shop-install-module.sh"
status=0
timeout "${SOAK_TIMEOUT:-1800}" php "$root/tests/soak/soak.php" || status=$?
[ "${SOAK_KEEP:-0}" = 1 ] || "$root/scripts/shop/shop-down.sh" >/dev/null
exit "$status"
