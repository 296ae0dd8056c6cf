#!/usr/bin/env bash
# Stops everything cluster-up.sh and test-cluster.sh started (pids in <work>/shop.env).
set -uo pipefail
export SHOP_WORK="${SHOP_WORK:-$(cd "$(dirname "$0")/../.." && pwd)/.work/cluster}"
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/../shop/lib.sh"
for key in WEB_PID WEB2_PID SANDBOX_PID; do stop_pid "$(env_get $key)" "$key"; done
for n in 3 2 1; do
  pid="$(env_get NODE${n}_PID)"
  pid_alive "$pid" || continue
  mariadb-admin --no-defaults --socket="$(env_get NODE${n}_SOCK)" -uroot shutdown 2>/dev/null || true
  stop_pid "$pid" "node$n"
done
exit 0
