#!/usr/bin/env bash
# Builds what a merchant installs: dist/sofincosignature-<version>.zip laid out as
# PrestaShop expects (sofincosignature/sofincosignature.php at the top), and beside it the
# extension built for this machine's PHP, its install notes and a SHA-256 for each file.
# Usage: scripts/dist.sh [path/to/libsofinco.so]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
so="${1:-$root/target/release/libsofinco.so}"
module="$root/php-module/sofincosignature"
version="$(sed -n 's/.*<version><!\[CDATA\[\(.*\)\]\]><\/version>.*/\1/p' "$module/config.xml")"
[ -n "$version" ] || { echo "dist: no version in config.xml" >&2; exit 1; }
[ -f "$so" ] || { echo "dist: $so is missing (make build)" >&2; exit 1; }

out="$root/dist"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out" "$stage/sofincosignature"
# Only what the module needs: no logs, no editor or OS leftovers.
(cd "$module" && find . -type f ! -name '*.log' ! -name '.DS_Store' ! -name '*~' -print0 |
  xargs -0 -I{} cp --parents {} "$stage/sofincosignature/")
for dir in $(cd "$stage" && find sofincosignature -type d); do
  [ -f "$stage/$dir/index.php" ] || { echo "dist: $dir has no index.php guard" >&2; exit 1; }
done
zip_name="sofincosignature-$version.zip"
rm -f "$out/$zip_name"
(cd "$stage" && zip -qr -X "$out/$zip_name" sofincosignature)

php_tag="$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION . (PHP_ZTS ? "-zts" : "-nts");')"
ext_version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
so_name="sofinco-$ext_version-php$php_tag-$(uname -m).so"
cp "$so" "$out/$so_name"
cat > "$out/INSTALL.txt" <<NOTES
Payez en plusieurs fois avec Sofinco $version

1. The PHP extension (PHP 8.1 or newer; PrestaShop 8 or 9)
   $so_name is built for PHP $php_tag on $(uname -m). If your shop's PHP differs
   (php -v; php -i | grep "Thread Safety"), build the extension for it from source:
   see README.md, section "Installing the extension into a PHP".
     cp $so_name "\$(php-config --extension-dir)/sofinco.so"
     echo "extension=sofinco" > /etc/php/8.2/mods-available/sofinco.ini && phpenmod sofinco
     systemctl restart php8.2-fpm
     php -m | grep sofinco

2. The module
   Back office > Modules > Module Manager > "Upload a module": $zip_name
   (or unzip it into modules/ and install it from the Module Manager).
   Then Configure: N° de commerçant Web, Nature de bien partenaire, Q6, X1, ClientId and
   SecretId, test mode; "Tester la connexion"; add the three cron lines the page shows.
NOTES
(cd "$out" && sha256sum "$zip_name" "$so_name" INSTALL.txt > SHA256SUMS)
echo "dist: $out/$zip_name, $so_name, INSTALL.txt, SHA256SUMS"
