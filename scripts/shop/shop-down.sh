#!/usr/bin/env bash
# Stops the shop's web server and MariaDB (by the pids in shop.env). Keeps the work folder,
# unless --purge: then removes the shop's files from it (database, shop tree, shop.env, logs).
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
  # Only the shop's own files: .work also holds the matrix's chroots and builds (scripts/matrix).
  (cd "$WORK" && rm -rf mysql-data mysql.sock mariadbd.pid mariadbd.err mariadb-install-db.log \
    prestashop prestashop.tmp install.log install-web.log web.log config.log shop.env shop.env.tmp.*)
  log "removed the shop from $WORK"
fi
