#!/usr/bin/env bash
# Stops the shop's web server and MariaDB (by the pids in shop.env). Keeps the work folder,
# unless --purge: then removes it (database, shop tree, shop.env).
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"

purge=0
case "${1:-}" in
  --purge) purge=1 ;;
  "") ;;
  *) die "usage: $0 [--purge]" ;;
esac

stop_pid "$(env_get WEB_PID)" "php -S"
db_pid="$(env_get DB_PID)"
if pid_alive "$db_pid"; then
  # A clean shutdown keeps the datadir reusable; fall back to signals.
  mariadb-admin --no-defaults --socket="$(env_get DB_SOCKET)" -uroot shutdown 2>/dev/null || true
  stop_pid "$db_pid" "mariadbd"
fi

if [ "$purge" = 1 ]; then
  rm -rf "$WORK"
  log "removed $WORK"
fi
