#!/usr/bin/env bash
# Starts a private MariaDB on loopback under the work folder and records how to reach it.
# Creates the datadir, database `prestashop` (utf8mb4) and a user with a random password the
# first time; later runs restart the same datadir on the same port. Writes DB_* to shop.env.
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"

start=$(now_s)
datadir="$WORK/mysql-data"
sock="$WORK/mysql.sock"

command -v mariadbd >/dev/null || die "mariadbd not found: run scripts/install-deps.sh"

pid="$(env_get DB_PID)"
if pid_alive "$pid" && mysql_root -e 'SELECT 1' >/dev/null 2>&1; then
  log "MariaDB already running (pid $pid, port $(env_get DB_PORT))"
  exit 0
fi

fresh=0
if [ ! -d "$datadir/mysql" ]; then
  fresh=1
  rm -rf "$datadir"
  mkdir -p "$datadir"
  log "initialising datadir $datadir"
  mariadb-install-db --no-defaults --datadir="$datadir" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$WORK/mariadb-install-db.log" 2>&1 \
    || { cat "$WORK/mariadb-install-db.log" >&2; die "mariadb-install-db failed"; }
fi

port="$(env_get DB_PORT)"
if [ "$fresh" = 1 ] || [ -z "$port" ]; then
  port="$(free_port)"
elif ! port_free "$port"; then
  die "port $port (recorded in $ENV_FILE, baked into the shop's parameters.php) is in use; stop what uses it or start over with scripts/shop/shop-down.sh --purge"
fi

rm -f "$sock"
user_args=()
[ "$(id -u)" -eq 0 ] && user_args=(--user=root)
log "starting mariadbd on 127.0.0.1:$port"
setsid mariadbd --no-defaults --datadir="$datadir" --bind-address=127.0.0.1 --port="$port" \
  --socket="$sock" --skip-networking=0 --pid-file="$WORK/mariadbd.pid" \
  --log-error="$WORK/mariadbd.err" --character-set-server=utf8mb4 \
  --collation-server=utf8mb4_general_ci --innodb-flush-log-at-trx-commit=2 \
  "${user_args[@]}" </dev/null >/dev/null 2>&1 &
pid=$!
env_set DB_PID "$pid"
env_set DB_HOST 127.0.0.1
env_set DB_PORT "$port"
env_set DB_SOCKET "$sock"

for _ in $(seq 1 120); do
  if mysql_root -e 'SELECT 1' >/dev/null 2>&1; then break; fi
  pid_alive "$pid" || { tail -n 30 "$WORK/mariadbd.err" >&2 || true; die "mariadbd exited during startup (log: $WORK/mariadbd.err)"; }
  sleep 0.25
done
mysql_root -e 'SELECT 1' >/dev/null 2>&1 || die "mariadbd does not answer after 30 s (log: $WORK/mariadbd.err)"

if [ "$fresh" = 1 ] || [ -z "$(env_get DB_PASS)" ]; then
  create_shop_database
fi

log "MariaDB ready on 127.0.0.1:$port (pid $pid) in $(elapsed "$start") s"
