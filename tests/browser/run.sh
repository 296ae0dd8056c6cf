#!/usr/bin/env bash
# make test-browser / make screenshots: the browser checks against the shop make shop-up
# brought up (SHOP_ENV), with their own Sofinco sandbox (stopped on exit) configured into the
# module by tests/browser/shop.php, in headless Debian Chromium (playwright-core).
# Env: SHOP_ENV, SHOP_PHP_ARGS, SHOP_PHP (the shop's PHP as a command, default php; a chroot's
# through scripts/matrix/chroot-php.sh), SOFINCO_SANDBOX (binary), SCREENSHOT_DIR (default
# <work>/screenshots; make screenshots passes docs/screenshots), CHROMIUM (default /usr/bin/chromium),
# BROWSER_TESTS (files to run, default every tests/browser/*.test.mjs).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${SHOP_WORK:-$root/.work}"
export SHOP_ENV="${SHOP_ENV:-$work/shop.env}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$work/screenshots}"
sandbox="${SOFINCO_SANDBOX:-$root/target/debug/sofinco-sandbox}"

[ -x "$CHROMIUM" ] || { echo "test-browser: no Chromium at $CHROMIUM (apt-get install chromium chromium-driver, or make deps)" >&2; exit 1; }
[ -f "$SHOP_ENV" ] || { echo "test-browser: no shop at $SHOP_ENV: make shop-up first" >&2; exit 1; }
mkdir -p "$SCREENSHOT_DIR"

sandbox_env="$work/browser-sandbox.env"
"$root/scripts/sandbox-up.sh" "$sandbox_env" "$sandbox" --business-provider-id 12345678901 --equipment-code ABC >/dev/null
sandbox_pid="$(sed -n 's/^SANDBOX_PID=//p' "$sandbox_env")"
stop() { kill "$sandbox_pid" 2>/dev/null || true; rm -f "$sandbox_env"; }
trap stop EXIT
SOFINCO_SANDBOX_URL="$(sed -n 's/^SANDBOX_URL=//p' "$sandbox_env")"
export SOFINCO_SANDBOX_URL

# shellcheck disable=SC2206 # word splitting of the extra php flags is wanted
php_args=(${SHOP_PHP_ARGS:-})
export BROWSER_SETUP="$work/browser-setup.json"
# shellcheck disable=SC2206 # a command and its arguments
shop_php=(${SHOP_PHP:-php})
"${shop_php[@]}" "${php_args[@]}" "$root/tests/browser/shop.php" setup >"$BROWSER_SETUP"

cd "$root"
# BROWSER_TESTS: some of the files only (e.g. tests/browser/storefront.test.mjs); default all.
# shellcheck disable=SC2086 # a list of files
node --test --test-concurrency="${BROWSER_CONCURRENCY:-1}" ${BROWSER_TESTS:-tests/browser/}
