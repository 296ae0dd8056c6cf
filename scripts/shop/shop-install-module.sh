#!/usr/bin/env bash
# Installs the module in the test shop as a merchant would: the `make dist` zip, unzipped
# into modules/, then PrestaShop's console (install, or upgrade when already installed).
# Env: SHOP_PHP_ARGS (extra php flags: the extension the shop runs with); SOFINCO_MODULE_ZIP
# (a zip built beforehand: the matrix chroots have no Composer, the host builds it for them).
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"

[ -f "$SHOP_DIR/bin/console" ] || die "no shop in $SHOP_DIR: run scripts/shop/shop-up.sh first"
zip="${SOFINCO_MODULE_ZIP:-$("$root/scripts/dist.sh" --module-only)}"
[ -f "$zip" ] || die "no module zip $zip"
rm -rf "$SHOP_DIR/modules/sofincosignature"
unzip -q -o "$zip" -d "$SHOP_DIR/modules/"
# shellcheck disable=SC2206 # word splitting of the extra php flags is wanted
php_args=(${SHOP_PHP_ARGS:-})
installed="$(cd "$SHOP_DIR" && php "${php_args[@]}" -r 'require "config/config.inc.php"; echo Module::isInstalled("sofincosignature") ? 1 : 0;' 2>/dev/null || echo 0)"
if [ "$installed" = 1 ]; then
  "$root/scripts/shop/shop-module.sh" upgrade sofincosignature
else
  "$root/scripts/shop/shop-module.sh" install sofincosignature
fi
log "module installed from $(basename "$zip")"
