#!/usr/bin/env bash
# Starts a 3-node MariaDB Galera cluster on loopback under <work> (default .work/cluster):
# node1 bootstrapped with --wsrep-new-cluster, node2 and node3 joining by rsync SST.
# Node 1's socket is <work>/mysql.sock, so scripts/shop/*.sh treat it as the shop's database.
# Writes DB_*, NODE{1,2,3}_{PID,PORT,SOCK} to <work>/shop.env.
set -euo pipefail
export SHOP_WORK="${SHOP_WORK:-$(cd "$(dirname "$0")/../.." && pwd)/.work/cluster}"
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/../shop/lib.sh"
provider=/usr/lib/galera/libgalera_smm.so
[ -f "$provider" ] || die "no Galera provider at $provider (apt-get install galera-4)"
command -v wsrep_sst_rsync >/dev/null || die "no wsrep_sst_rsync (mariadb-server)"
t0=$(now_s)

ports=() gports=() iports=() sports=()
for n in 1 2 3; do
  ports+=("$(free_port)"); gports+=("$(free_port)"); iports+=("$(free_port)"); sports+=("$(free_port)")
done
address="gcomm://127.0.0.1:${gports[0]},127.0.0.1:${gports[1]},127.0.0.1:${gports[2]}"

start_node() {
  local n="$1" i=$(($1 - 1)) extra=("${@:2}")
  local dir="$WORK/node$n" sock="$WORK/node$n.sock"
  [ "$n" = 1 ] && sock="$WORK/mysql.sock"
  rm -rf "$dir"; mkdir -p "$dir"
  # Joiners start empty and receive node1's datadir by rsync SST, whose rsync daemon (started
  # as root without a uid) writes as nobody: the empty joiner datadir belongs to nobody.
  if [ "$n" != 1 ]; then chown nobody:nogroup "$dir"; chmod 0770 "$dir"; else
  mariadb-install-db --no-defaults --datadir="$dir" --user=root --auth-root-authentication-method=normal \
    --skip-test-db >"$WORK/node$n-install.log" 2>&1 || { cat "$WORK/node$n-install.log" >&2; die "mariadb-install-db node$n failed"; }
  fi
  rm -f "$sock"
  setsid mariadbd --no-defaults --user=root --datadir="$dir" --bind-address=127.0.0.1 --port="${ports[$i]}" \
    --socket="$sock" --pid-file="$WORK/node$n.pid" --log-error="$WORK/node$n.err" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --innodb-flush-log-at-trx-commit=2 \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --wsrep-on=ON --wsrep-provider="$provider" --wsrep-cluster-name=sofinco-test \
    --wsrep-cluster-address="$address" --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:${gports[$i]}" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:${gports[$i]};ist.recv_addr=127.0.0.1:${iports[$i]};gcache.size=64M" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:${sports[$i]}" \
    "${extra[@]}" </dev/null >"$WORK/node$n.out" 2>&1 &
  local pid=$!
  env_set "NODE${n}_PID" "$pid"; env_set "NODE${n}_PORT" "${ports[$i]}"; env_set "NODE${n}_SOCK" "$sock"
  for _ in $(seq 1 240); do
    if [ "$(mariadb --no-defaults --socket="$sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ]; then
      log "node$n synced on 127.0.0.1:${ports[$i]} (pid $pid)"; return 0
    fi
    pid_alive "$pid" || { tail -n 30 "$WORK/node$n.err" >&2; die "node$n exited (log $WORK/node$n.err)"; }
    sleep 0.25
  done
  tail -n 30 "$WORK/node$n.err" >&2; die "node$n not synced after 60 s"
}

start_node 1 --wsrep-new-cluster
env_set DB_PID "$(env_get NODE1_PID)"; env_set DB_HOST 127.0.0.1; env_set DB_PORT "${ports[0]}"; env_set DB_SOCKET "$WORK/mysql.sock"
create_shop_database
start_node 2
start_node 3
size="$(mysql_root -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
[ "$size" = 3 ] || die "cluster size $size, not 3"
log "Galera cluster of $size nodes up in $(elapsed "$t0") s"
