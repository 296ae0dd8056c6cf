#!/usr/bin/env bash
# make test-cluster: the shop's two races on a 3-node MariaDB Galera cluster.
#   node1 <- web server A (php -S 127.0.0.1:P, shop tree prestashop/)
#   node2 <- web server B (php -S 127.0.0.2:P, copy prestashop-b/ with node2 in parameters.php)
#   node3 <- the crons (copy prestashop-c/, node3 in parameters.php; never served)
# Both servers answer for the shop's one domain 127.0.0.1:P (B through another loopback
# address), so the shop's URLs and cookies are the same whichever serves a request.
# Then the negative control: the forced-interleaving test with SofincoLock reduced to GET_LOCK
# (tests/cluster/getlock/SofincoLock.php copied over the installed class) must fail, or the
# target fails: a race test that cannot catch a node-local lock proves nothing.
# Everything started here is stopped on exit (trap), success or not. Env: CLUSTER_TIMEOUT (s).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export SHOP_WORK="${CLUSTER_WORK:-$ROOT/.work/cluster}"
export SHOP_ENV="$SHOP_WORK/shop.env"
export SHOP_PHP_ARGS="${SHOP_PHP_ARGS:--d extension=$ROOT/target/debug/libsofinco.so}"
export SOFINCO_SANDBOX="${SOFINCO_SANDBOX:-$ROOT/target/debug/sofinco-sandbox}"
# shellcheck source=scripts/shop/lib.sh
source "$ROOT/scripts/shop/lib.sh"
PHPUNIT="${PHPUNIT:-/usr/bin/phpunit}"
t0=$(now_s)

cleanup() { "$ROOT/scripts/cluster/cluster-down.sh" || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$SHOP_WORK"; mkdir -p "$SHOP_WORK"
"$ROOT/scripts/cluster/cluster-up.sh"
t_cluster=$(elapsed "$t0")
"$ROOT/scripts/shop/shop-install.sh"
"$ROOT/scripts/shop/shop-install-module.sh"
t_shop=$(elapsed "$t0")

# Trees B and C: copies of A, each with its own node in parameters.php and its own var/
# (caches, the module's files); the database is the cluster's.
port="$(env_get WEB_PORT)"
for t in b:2 c:3; do
  dir="$SHOP_WORK/prestashop-${t%%:*}" n="${t##*:}"
  rm -rf "$dir"; cp -a "$SHOP_DIR" "$dir"; rm -rf "$dir/var/cache/"*
  sed -i "s/'database_port' => '[0-9]*'/'database_port' => '$(env_get NODE${n}_PORT)'/" "$dir/app/config/parameters.php"
  grep -q "'database_port' => '$(env_get NODE${n}_PORT)'" "$dir/app/config/parameters.php" || die "cannot point $dir at node$n"
done
env_set SHOP_DIR2 "$SHOP_WORK/prestashop-b"; env_set SHOP_DIR3 "$SHOP_WORK/prestashop-c"; env_set WEB2_HOST 127.0.0.2

serve() {
  # shellcheck disable=SC2206
  local php_args=(${SHOP_PHP_ARGS:-})
  PHP_CLI_SERVER_WORKERS=4 setsid php "${php_args[@]}" -S "$1:$port" -t "$2" </dev/null >"$3" 2>&1 &
  echo $!
}
pid_a="$(serve 127.0.0.1 "$SHOP_DIR" "$SHOP_WORK/web-a.log")"; env_set WEB_PID "$pid_a"
pid_b="$(serve 127.0.0.2 "$SHOP_WORK/prestashop-b" "$SHOP_WORK/web-b.log")"; env_set WEB2_PID "$pid_b"
env_set SHOP_URL "http://127.0.0.1:$port/"; env_set ADMIN_URL "http://127.0.0.1:$port/$(env_get ADMIN_DIR)/"
wait_home "http://127.0.0.1:$port/" "$pid_a" "$SHOP_WORK/web-a.log"
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 --connect-to "127.0.0.1:$port:127.0.0.2:$port" "http://127.0.0.1:$port/")" = 200 ] && break
  sleep 0.5
done
t_up=$(elapsed "$t0")

run_suite() {
  timeout "${CLUSTER_TIMEOUT:-300}" php "$PHPUNIT" --configuration "$ROOT/phpunit-cluster.xml" "$@"
}

: >"$SHOP_WORK/cluster-counts.txt"
echo "== positive run: SofincoLock claim rows ==" | tee -a "$SHOP_WORK/cluster-counts.txt"
status=0
run_suite || status=$?
t_pos=$(elapsed "$t0")

echo "== negative control: SofincoLock reduced to GET_LOCK ==" | tee -a "$SHOP_WORK/cluster-counts.txt"
for d in "$SHOP_DIR" "$SHOP_WORK/prestashop-b" "$SHOP_WORK/prestashop-c"; do
  cp "$ROOT/tests/cluster/getlock/SofincoLock.php" "$d/modules/sofincosignature/classes/SofincoLock.php"
done
# The jittered races double a deliver with GET_LOCK in only some runs; the forced
# interleaving (a cron on node 3 inside a click's slow deliver) does it every time, so the
# control runs that test alone and must fail.
neg=0
run_suite --filter testACronOnAnotherNodeDuringAClicksSlowDeliverSendsNoSecondDeliver >"$SHOP_WORK/negative.log" 2>&1 || neg=$?
grep '^\[cluster\]' "$SHOP_WORK/negative.log" || true
grep -E 'Failed asserting|exactly one' "$SHOP_WORK/negative.log" | head -5 || true
# Detected only when it failed for the reason under test, not for any other.
detected=0
[ "$neg" != 0 ] && grep -q 'exactly one deliver per dossier' "$SHOP_WORK/negative.log" && detected=1
t_neg=$(elapsed "$t0")

echo "== timings (s since start): cluster $t_cluster, shop installed $t_shop, servers up $t_up, positive done $t_pos, negative done $t_neg =="
cat "$SHOP_WORK/cluster-counts.txt"
if [ "$status" != 0 ]; then echo "test-cluster: FAIL (positive run, exit $status)"; exit 1; fi
if [ "$detected" = 0 ]; then
  echo "test-cluster: FAIL: with GET_LOCK alone the forced interleaving did not send a second deliver (negative control not detected, exit $neg; $SHOP_WORK/negative.log)"
  exit 1
fi
echo "test-cluster: PASS (claim rows: one order per cart, one deliver and one payment per dossier; GET_LOCK alone fails, exit $neg)"
