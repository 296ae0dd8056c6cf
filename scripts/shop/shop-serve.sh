#!/usr/bin/env bash
# Serves the installed shop with PHP's built-in server on 127.0.0.1:<WEB_PORT> in the
# background (4 workers), waits for a 200 French home page, writes WEB_PID/SHOP_URL/ADMIN_URL.
# Env: SHOP_PHP_ARGS: extra php flags for the server, e.g. "-d extension=/abs/libsofinco.so".
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"

t0=$(now_s)
if [ "$(env_get SHOP_INSTALLED)" != 1 ] || [ ! -d "$SHOP_DIR" ]; then die "no installed shop in $SHOP_DIR: run scripts/shop/shop-install.sh first"; fi
port="$(env_get WEB_PORT)"
[ -n "$port" ] || die "no WEB_PORT in $ENV_FILE"
url="http://127.0.0.1:$port/"

record_urls() {
  env_set SHOP_URL "$url"
  env_set ADMIN_URL "${url}$(env_get ADMIN_DIR)/"
}

# The extensions the server loads, with their modification times: a rebuilt .so needs a new
# server (a running PHP keeps the old one mapped).
ext_stamp() {
  local stamp="" arg
  # shellcheck disable=SC2086 # the flags are words
  for arg in ${SHOP_PHP_ARGS:-}; do
    case "$arg" in extension=*) stamp="$stamp $(stat -c %Y "${arg#extension=}" 2>/dev/null || echo missing)" ;; esac
  done
  echo "${stamp:- none}"
}

# Shops installed before the seeded pack get it now, and lose their cached empty catalogues.
if [ "$(seed_language_pack "$SHOP_DIR")" = 1 ]; then
  rm -rf "$SHOP_DIR"/var/cache/*/translations
  log "seeded the French test language pack"
fi

old="$(env_get WEB_PID)"
if pid_alive "$old"; then
  if [ "${SHOP_PHP_ARGS:-}" = "$(env_get WEB_PHP_ARGS)" ] && [ "$(ext_stamp)" = "$(env_get WEB_EXT_STAMP)" ] \
    && [ "$(http_code "$url" 30)" = 200 ]; then
    record_urls
    log "already serving $url (pid $old)"
    exit 0
  fi
fi
# Also catches the workers of a master that was killed.
stop_pid "$old" "php -S"
# The shop's URLs carry this port (the installer wrote it as the shop domain): it must be free.
port_free "$port" || die "port $port (the shop's domain 127.0.0.1:$port) is in use by another process; stop it, or start over: scripts/shop/shop-down.sh --purge && make shop-up"

pid="$(start_web "$port" "$WORK/web.log")"
env_set WEB_PID "$pid"
env_set WEB_PHP_ARGS "${SHOP_PHP_ARGS:-}"
env_set WEB_EXT_STAMP "$(ext_stamp)"
# A server that never served the home page is not left behind.
trap 'stop_pid "$pid" "php -S"' EXIT
wait_home "$url" "$pid" "$WORK/web.log"
trap - EXIT

record_urls
log "serving $url (pid $pid, back office ${url}$(env_get ADMIN_DIR)/) in $(elapsed "$t0") s"
