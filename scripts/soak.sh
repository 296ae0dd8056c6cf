#!/usr/bin/env bash
# make soak: the fault soak in a shop of its own (.work/soak), with the release extension.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export SHOP_WORK="${SOAK_WORK:-$root/.work/soak}"
export SHOP_ENV="$SHOP_WORK/shop.env"
so="$root/target/release/libsofinco.so"
export SHOP_PHP_ARGS="-d extension=$so"
export SOFINCO_SANDBOX="$root/target/release/sofinco-sandbox"
"$root/scripts/shop/shop-up.sh"
"$root/scripts/shop/shop-install-module.sh"
status=0
timeout "${SOAK_TIMEOUT:-1800}" php "$root/tests/soak/soak.php" || status=$?
[ "${SOAK_KEEP:-0}" = 1 ] || "$root/scripts/shop/shop-down.sh" >/dev/null
exit "$status"
