#!/usr/bin/env bash
# Runs a module action through PrestaShop's console in the installed shop:
#   scripts/shop/shop-module.sh install|uninstall|upgrade|enable|disable|reset NAME
# Env: SHOP_PHP_ARGS: extra php flags (e.g. "-d extension=/abs/libsofinco.so").
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"

[ $# -eq 2 ] || die "usage: $0 install|uninstall|upgrade|enable|disable|reset NAME"
case "$1" in
  install | uninstall | upgrade | enable | disable | reset) ;;
  *) die "unknown verb '$1' (install|uninstall|upgrade|enable|disable|reset)" ;;
esac
[[ "$2" =~ ^[A-Za-z0-9_-]+$ ]] || die "bad module name '$2'"
[ -f "$SHOP_DIR/bin/console" ] || die "no shop in $SHOP_DIR: run scripts/shop/shop-up.sh first"

# shellcheck disable=SC2206 # word splitting of the extra php flags is wanted
php_args=(${SHOP_PHP_ARGS:-})
cd "$SHOP_DIR"
# The console exits 0 on some failures ("Cannot install module X. The module is invalid..."):
# success is its "<Verb> action on module NAME succeeded." line.
set +e
out="$(php "${php_args[@]}" bin/console prestashop:module "$1" "$2" --env=prod 2>&1)"
rc=$?
set -e
printf '%s\n' "$out" | sed '/^[[:space:]]*$/d'
[ "$rc" -eq 0 ] || die "prestashop:module $1 $2 failed (exit $rc)"
grep -qi "action on module $2 succeeded" <<<"$out" || die "prestashop:module $1 $2 did not succeed"
