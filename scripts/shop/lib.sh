# shellcheck shell=bash disable=SC2016 # the php -r programs are single-quoted on purpose
# Shared helpers for scripts/shop/*.sh (sourced, not run).
# ROOT: repo root; WORK: the work folder (env SHOP_WORK, default $ROOT/.work); ENV_FILE: <work>/shop.env.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${SHOP_WORK:-$ROOT/.work}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
ENV_FILE="$WORK/shop.env"
SHOP_DIR="$WORK/prestashop"
export PATH="$PATH:/usr/sbin:/sbin"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# env_get KEY: prints the value of KEY in shop.env (empty when absent).
env_get() {
  [ -f "$ENV_FILE" ] || return 0
  sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1 | sed "s/^'\(.*\)'\$/\1/"
}

# env_set KEY VALUE: writes or replaces KEY=VALUE in shop.env; a value with spaces is written
# in single quotes (KEY='a b'), so the file stays a valid shell file. No quotes or newlines inside.
env_set() {
  local value="$2"
  case "$value" in *[\'\"\\\$\`]* | *$'\n'*) die "value for $1 must not contain quotes, \$, \\ or newlines: $value" ;; esac
  case "$value" in *[[:space:]]*) value="'$value'" ;; esac
  local tmp="$ENV_FILE.tmp.$$"
  {
    if [ -f "$ENV_FILE" ]; then grep -v "^$1=" "$ENV_FILE" || true; fi
    printf '%s=%s\n' "$1" "$value"
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
  chmod 600 "$ENV_FILE"
}

# free_port: a TCP port free on 127.0.0.1 right now.
free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1), "\n";'
}

# port_free PORT: true when nothing listens on 127.0.0.1:PORT.
port_free() {
  php -r 'exit(@stream_socket_server("tcp://127.0.0.1:" . $argv[1], $e, $m) ? 0 : 1);' "$1"
}

# random_secret [BYTES]: a random hex secret of 2*BYTES characters (default 24).
random_secret() {
  php -r 'echo bin2hex(random_bytes((int)($argv[1] ?? 12))), "\n";' "${1:-12}"
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# now_s: seconds since the epoch with milliseconds, for step timings.
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

# mysql_root [args...]: the mariadb client as root over the work socket.
mysql_root() { mariadb --no-defaults --socket="$WORK/mysql.sock" -uroot "$@"; }

# http_code URL [max-seconds]: the final HTTP status of a GET following redirects (000 when
# nothing answers). PrestaShop redirects / to /index.php.
http_code() {
  curl -sL -o /dev/null -w '%{http_code}' --max-time "${2:-60}" "$1" || true
}

# start_web PORT LOGFILE: starts php -S for the shop in its own process group; prints its pid.
# Env SHOP_PHP_ARGS: extra php flags (e.g. "-d extension=/path/libsofinco.so").
start_web() {
  local port="$1" logfile="$2"
  # shellcheck disable=SC2206 # word splitting of the extra php flags is wanted
  local php_args=(${SHOP_PHP_ARGS:-})
  PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}" setsid php "${php_args[@]}" \
    -S "127.0.0.1:$port" -t "$SHOP_DIR" </dev/null >"$logfile" 2>&1 &
  echo $!
}

# group_alive PID: true when the process group led by PID still has a member (php -S workers
# outlive a killed master).
group_alive() { [ -n "${1:-}" ] && kill -0 -- "-$1" 2>/dev/null; }

# stop_pid PID [name]: TERM the process group led by PID (or the process), then KILL after 10 s.
stop_pid() {
  local pid="$1" name="${2:-process}"
  pid_alive "$pid" || group_alive "$pid" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    if ! pid_alive "$pid" && ! group_alive "$pid"; then log "stopped $name (pid $pid)"; return 0; fi
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  log "killed $name (pid $pid)"
}

# wait_home URL PID LOGFILE: waits (up to 90 s) until URL answers 200 in French; dies otherwise.
wait_home() {
  local url="$1" pid="$2" logfile="$3" code=000 body deadline=$((SECONDS + 90))
  while [ "$SECONDS" -lt "$deadline" ]; do
    pid_alive "$pid" || { tail -n 20 "$logfile" >&2 || true; die "php -S exited (log: $logfile)"; }
    code="$(http_code "$url" 60)"
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  [ "$code" = 200 ] || { tail -n 20 "$logfile" >&2 || true; die "home page $url answers $code, not 200 (log: $logfile, $SHOP_DIR/var/logs)"; }
  body="$(curl -sL --max-time 60 "$url")"
  # PrestaShop 8 writes the locale (lang="fr-FR"), 1.7 the language (lang="fr").
  case "$body" in *'lang="fr-FR"'* | *'lang="fr"'*) ;; *) die "home page $url is not the French storefront (no lang=\"fr-FR\")" ;; esac
}

# create_shop_database: the shop's database and its user (127.0.0.1 and localhost) with a new
# random password, on the server behind the work socket; records DB_NAME/DB_USER/DB_PASS.
create_shop_database() {
  local pass
  pass="$(random_secret 12)"
  mysql_root <<SQL
CREATE DATABASE IF NOT EXISTS prestashop CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE OR REPLACE USER 'prestashop'@'127.0.0.1' IDENTIFIED BY '$pass';
CREATE OR REPLACE USER 'prestashop'@'localhost' IDENTIFIED BY '$pass';
GRANT ALL PRIVILEGES ON prestashop.* TO 'prestashop'@'127.0.0.1';
GRANT ALL PRIVILEGES ON prestashop.* TO 'prestashop'@'localhost';
FLUSH PRIVILEGES;
SQL
  env_set DB_NAME prestashop
  env_set DB_USER prestashop
  env_set DB_PASS "$pass"
}

# seed_language_pack SHOP_DIR: one French message in translations/fr-FR/, as any real language
# pack has thousands. With none (the offline installs' empty packs), PrestaShop's front
# translator (Context::getTranslatorFromLocale) finds an empty catalogue on every request and
# deletes translations/*.fr-FR.* in var/cache, other workers' half-written catalogue included:
# they die with "Cannot rename .../catalogue.fr-FR....php" (seen 1 in 36 concurrent hits).
# Prints 1 when it added the file (the cached empty catalogues must then go), 0 otherwise.
seed_language_pack() {
  local file="$1/translations/fr-FR/SofincoTestPack.fr-FR.xlf"
  if [ -f "$file" ]; then echo 0; return 0; fi
  mkdir -p "$(dirname "$file")"
  cat >"$file" <<'XLF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="scripts/shop/lib.sh" source-language="en-US" target-language="fr-FR" datatype="plaintext">
    <body>
      <trans-unit id="sofinco-test-pack">
        <source>Sofinco test language pack</source>
        <target>Pack de langue de test Sofinco</target>
      </trans-unit>
    </body>
  </file>
</xliff>
XLF
  echo 1
}
