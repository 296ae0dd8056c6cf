#!/usr/bin/env bash
# make demo: builds (release), brings up a real PrestaShop with the module installed from
# its zip and the Sofinco sandbox, runs the scripted purchase, then stops everything, or with
# SERVE=1 leaves the shop and the sandbox running for a person to click through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export SHOP_WORK="${DEMO_WORK:-$root/.work/demo}"
export SHOP_ENV="$SHOP_WORK/shop.env"
so="$root/target/release/libsofinco.so"
export SHOP_PHP_ARGS="-d extension=$so"

echo "== The extension alone: simulation, journey, notification, funding (demo/demo.php)"
SOFINCO_SANDBOX="$root/target/release/sofinco-sandbox" php -d "extension=$so" "$root/demo/demo.php"

echo
echo "== The shop: PrestaShop 8.1.2 and the module (first run installs it, about a minute)"
"$root/scripts/shop/shop-up.sh"
"$root/scripts/shop/shop-install-module.sh"
sandbox_env="$SHOP_WORK/sandbox.env"
if [ -f "$sandbox_env" ] && kill -0 "$(sed -n 's/^SANDBOX_PID=//p' "$sandbox_env")" 2>/dev/null; then
  :
else
  "$root/scripts/sandbox-up.sh" "$sandbox_env" "$root/target/release/sofinco-sandbox" \
    --business-provider-id 12345678901 --equipment-code ABC >/dev/null
fi
SOFINCO_SANDBOX_URL="$(sed -n 's/^SANDBOX_URL=//p' "$sandbox_env")"
export SOFINCO_SANDBOX_URL

stop() {
  kill "$(sed -n 's/^SANDBOX_PID=//p' "$sandbox_env")" 2>/dev/null || true
  rm -f "$sandbox_env"
  "$root/scripts/shop/shop-down.sh" >/dev/null
}
status=0
php "$root/demo/shop-demo.php" || status=$?

if [ "${SERVE:-0}" = 1 ] && [ "$status" = 0 ]; then
  # shellcheck disable=SC1090
  source "$SHOP_ENV"
  # This checkout's shop, whatever shop.env was copied from (shop-up.sh rewrites it too).
  SHOP_DIR="$SHOP_WORK/prestashop"
  cat <<INFO

The shop stays up (stop it with: make demo-down):
  storefront   $SHOP_URL   (the 1 290,00 € "Canapé trois places"; test mode is on, so the
               simulator and "Payez en plusieurs fois avec Sofinco" appear only in a browser
               logged in to the back office, and the dossiers say TEST)
  back office  $ADMIN_URL   login $ADMIN_EMAIL / $ADMIN_PASS
               Commandes > Dossiers Sofinco signature; Modules > Payez en plusieurs fois avec Sofinco
  Sofinco      $SOFINCO_SANDBOX_URL (sandbox: the journey page signs, refuses or leaves)
  crons        php $SHOP_PHP_ARGS $SHOP_DIR/bin/console sofinco:cron orders|statuses|funding --env=prod
INFO
else
  stop
fi
exit "$status"
