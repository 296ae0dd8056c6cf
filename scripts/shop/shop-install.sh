#!/usr/bin/env bash
# Installs PrestaShop from the provided archive into <work>/prestashop, offline, against the
# MariaDB started by db-up.sh: French shop with the demo fixtures, an admin employee with a
# random password, install/ removed, admin/ renamed, mails disabled (PS_MAIL_METHOD=3).
# Fails (non-zero) when the installer fails, even when it exits 0.
# Env: PS_VERSION (8.1.2 default, 8.2.1 or 1.7.8.11: ../shared/prestashop/prestashop-<v>.tar.xz
#      beside the repo, sha256 checked), PRESTASHOP_ARCHIVE (another archive, not checked),
#      WEB_PORT (default: the one in shop.env, else a free one), SHOP_PHP_ARGS (extra php flags).
set -euo pipefail
# shellcheck source=scripts/shop/lib.sh
source "$(dirname "$0")/lib.sh"

ps_version="${PS_VERSION:-8.1.2}"
case "$ps_version" in
  8.1.2) default_sha256=835a72769263c8ddd987df7035b1d1ce8414e236ffc3ace4030660a728a26331 ;;
  8.2.1) default_sha256=d8b7e05afb018ccb9c0dc5aec02fce7166a2ad9078f90506365c9de4f6f4ca93 ;;
  1.7.8.11) default_sha256=b5f42315c5f7aaeafbd6e7ee5861ad8d5ec41c50ee378a7b325aa2fab379be5b ;;
  *) die "PS_VERSION=$ps_version: 8.1.2, 8.2.1 or 1.7.8.11 (or PRESTASHOP_ARCHIVE=/path/to/archive)" ;;
esac
default_archive="$ROOT/../shared/prestashop/prestashop-$ps_version.tar.xz"
archive="${PRESTASHOP_ARCHIVE:-$default_archive}"
admin_dir=admin-sofinco
admin_email=admin@example.test
# shellcheck disable=SC2206 # word splitting of the extra php flags is wanted
php_args=(${SHOP_PHP_ARGS:-})

[ -n "$(env_get DB_PASS)" ] || die "no database recorded in $ENV_FILE: run scripts/shop/db-up.sh first"
[ -f "$archive" ] || die "PrestaShop archive not found: $archive (set PRESTASHOP_ARCHIVE)"

t0=$(now_s)
if [ "$(readlink -f "$archive")" = "$(readlink -f "$default_archive" 2>/dev/null || true)" ]; then
  sum="$(sha256sum "$archive" | cut -d' ' -f1)"
  [ "$sum" = "$default_sha256" ] || die "sha256 mismatch for $archive: got $sum, want $default_sha256"
fi

# A second installer run over a failed one fails: always start from a fresh tree and an empty database.
env_set SHOP_INSTALLED 0
rm -rf "$SHOP_DIR" "$WORK/prestashop.tmp"
mkdir -p "$WORK/prestashop.tmp"
tar -xJf "$archive" -C "$WORK/prestashop.tmp" || die "cannot extract $archive"
[ -f "$WORK/prestashop.tmp/prestashop/install/index_cli.php" ] || die "$archive has no prestashop/install/index_cli.php"
mv "$WORK/prestashop.tmp/prestashop" "$SHOP_DIR"
rmdir "$WORK/prestashop.tmp"
log "extracted in $(elapsed "$t0") s"

db_name="$(env_get DB_NAME)"
mysql_root -e "DROP DATABASE IF EXISTS \`$db_name\`; CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;"

# Without var/logs the installer reports an unwritable folder and still exits 0.
mkdir -p "$SHOP_DIR/var/logs" "$SHOP_DIR/var/cache"
# No internet: the installer would download language packs. Empty packs keep it offline
# (the 0-byte .gzip and a zip holding one empty <locale>/ folder per installed language).
# shellcheck disable=SC2016 # PHP code, single-quoted on purpose
php -r '
foreach (["fr" => "fr-FR", "en" => "en-US"] as $iso => $locale) {
    touch("$argv[1]/$iso.gzip");
    $zip = new ZipArchive();
    if ($zip->open("$argv[1]/sf-$locale.zip", ZipArchive::CREATE | ZipArchive::OVERWRITE) !== true
        || !$zip->addEmptyDir($locale) || !$zip->close()) {
        fwrite(STDERR, "cannot write sf-$locale.zip\n");
        exit(1);
    }
}' "$SHOP_DIR/translations" || die "cannot create the translation stubs"

seed_language_pack "$SHOP_DIR" >/dev/null

# PrestaShop 8.1's archive ships modules whose Composer vendor needs a newer PHP than the shop's
# (ps_edition_basic: PHP 8.1): on PHP 7.x the installer fails on them. A merchant on that PHP goes
# without them, and so does the test shop.
php_id="$(php -r 'echo PHP_VERSION_ID;')"
for check in "$SHOP_DIR"/modules/*/vendor/composer/platform_check.php; do
  [ -f "$check" ] || continue
  need="$(sed -n 's/.*PHP_VERSION_ID >= \([0-9]*\).*/\1/p' "$check" | head -n 1)"
  if [ -n "$need" ] && [ "$php_id" -lt "$need" ]; then
    module_dir="${check%/vendor/composer/platform_check.php}"
    rm -rf "$module_dir"
    log "removed $(basename "$module_dir"): its vendor needs PHP_VERSION_ID >= $need, this PHP is $php_id"
  fi
done

web_port="${WEB_PORT:-$(env_get WEB_PORT)}"
[ -n "$web_port" ] || web_port="$(free_port)"
admin_pass="$(random_secret 12)"
env_set WEB_PORT "$web_port"

t1=$(now_s)
log "running the PrestaShop installer (domain 127.0.0.1:$web_port)"
set +e
(cd "$SHOP_DIR" && php "${php_args[@]}" -d memory_limit=1G install/index_cli.php \
  --domain="127.0.0.1:$web_port" \
  --db_server="127.0.0.1:$(env_get DB_PORT)" --db_name="$db_name" \
  --db_user="$(env_get DB_USER)" --db_password="$(env_get DB_PASS)" --prefix="${SHOP_DB_PREFIX:-ps_}" \
  --language=fr --country=fr --timezone=Europe/Paris --name="Boutique Sofinco" \
  --firstname=Admin --lastname=Sofinco --email="$admin_email" --password="$admin_pass" \
  --ssl=0 --rewrite=0 --fixtures=1) >"$WORK/install.log" 2>&1
rc=$?
set -e
if [ "$rc" -ne 0 ] || grep -qiE '^-- (error|fatal)|Fatal error|installation failed' "$WORK/install.log"; then
  tail -n 40 "$WORK/install.log" >&2
  die "PrestaShop installer failed (exit $rc; full log: $WORK/install.log)"
fi
log "installer finished in $(elapsed "$t1") s"

# The installer can exit 0 having installed nothing: check the database.
rows="$(mysql_root -N -e "SELECT COUNT(*) FROM \`$db_name\`.ps_configuration" 2>/dev/null || echo 0)"
tables="$(mysql_root -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$db_name'")"
products="$(mysql_root -N -e "SELECT COUNT(*) FROM \`$db_name\`.ps_product" 2>/dev/null || echo 0)"
if [ "${rows:-0}" -eq 0 ] || [ "${products:-0}" -eq 0 ]; then
  tail -n 40 "$WORK/install.log" >&2
  die "PrestaShop installer left no configuration ($rows rows) or no products ($products) in $db_name (log: $WORK/install.log)"
fi
log "database: $tables tables, $rows configuration rows, $products products"

rm -rf "$SHOP_DIR/install"
mv "$SHOP_DIR/admin" "$SHOP_DIR/$admin_dir"
# PrestaShop 1.7 has no prestashop:config command: there, the same row through SQL.
if (cd "$SHOP_DIR" && php "${php_args[@]}" bin/console list --env=prod 2>/dev/null | grep -q 'prestashop:config'); then
  (cd "$SHOP_DIR" && php "${php_args[@]}" bin/console prestashop:config set PS_MAIL_METHOD --value=3 --env=prod) \
    >"$WORK/config.log" 2>&1 || { cat "$WORK/config.log" >&2; die "cannot set PS_MAIL_METHOD"; }
else
  mysql_root -e "UPDATE \`$db_name\`.ps_configuration SET value='3' WHERE name='PS_MAIL_METHOD'"
fi
[ "$(mysql_root -N -e "SELECT value FROM \`$db_name\`.ps_configuration WHERE name='PS_MAIL_METHOD' AND id_shop IS NULL AND id_shop_group IS NULL")" = 3 ] \
  || die "PS_MAIL_METHOD is not 3 after prestashop:config set"

# The home page must render: serve it once on the shop's port (the first hit also warms the caches).
port_free "$web_port" || die "port $web_port (the shop's domain) is in use: cannot check the home page"
pid="$(start_web "$web_port" "$WORK/install-web.log")"
trap 'stop_pid "$pid" "php -S (install check)"' EXIT
wait_home "http://127.0.0.1:$web_port/" "$pid" "$WORK/install-web.log"
stop_pid "$pid" "php -S (install check)"
trap - EXIT

env_set ADMIN_DIR "$admin_dir"
env_set ADMIN_EMAIL "$admin_email"
env_set ADMIN_PASS "$admin_pass"
env_set SHOP_DIR "$SHOP_DIR"
env_set PS_VERSION "$(sed -n "s/.*const VERSION = '\([^']*\)'.*/\1/p" "$SHOP_DIR/src/Core/Version.php" "$SHOP_DIR/app/AppKernel.php" 2>/dev/null | head -1)"
env_set SHOP_INSTALLED 1
log "PrestaShop $(env_get PS_VERSION) installed in $SHOP_DIR in $(elapsed "$t0") s; home page renders in French"
