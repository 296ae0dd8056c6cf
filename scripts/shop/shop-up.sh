#!/usr/bin/env bash
# db-up + shop-install + shop-serve. Reuses a live install recorded in <work>/shop.env (and
# restarts its servers when they are down); installs from scratch otherwise.
# Env: SHOP_WORK, PS_VERSION, PRESTASHOP_ARCHIVE, SHOP_PHP_ARGS (see the scripts it runs).
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"

t0=$(now_s)
# A copied or moved checkout brings its shop.env along: its paths name the old checkout.
# They follow from the work folder, so they are written again for the checkout that runs.
if [ -f "$ENV_FILE" ]; then
  env_set SHOP_DIR "$SHOP_DIR"
  env_set DB_SOCKET "$WORK/mysql.sock"
fi
"$here/db-up.sh"
# PS_VERSION, when set, must be the installed one (else a fresh install of that version).
if [ "$(env_get SHOP_INSTALLED)" = 1 ] && { [ -z "${PS_VERSION:-}" ] || [ "$(env_get PS_VERSION)" = "$PS_VERSION" ]; } \
  && { [ -f "$SHOP_DIR/app/config/parameters.php" ] || [ -f "$SHOP_DIR/config/settings.inc.php" ]; } \
  && [ "$(mysql_root -N -e "SELECT COUNT(*) FROM \`$(env_get DB_NAME)\`.ps_configuration" 2>/dev/null || echo 0)" -gt 0 ]; then
  log "reusing the shop installed in $SHOP_DIR"
else
  "$here/shop-install.sh"
fi
"$here/shop-serve.sh"
log "shop up in $(elapsed "$t0") s: $(env_get SHOP_URL) (back office $(env_get ADMIN_URL), $(env_get ADMIN_EMAIL) / password in $ENV_FILE)"
