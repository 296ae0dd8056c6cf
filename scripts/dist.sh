#!/usr/bin/env bash
# Builds what a merchant installs, in dist/: sofincosignature-<version>.zip laid out as
# PrestaShop expects (sofincosignature/sofincosignature.php at the top); beside it the
# pre-built archive of each PHP this machine builds and loads (scripts/matrix/release-all.sh:
# 7.4, 8.2, 8.4, 8.5, against glibc 2.31), the PIE source package php_sofinco-<version>-src.tgz
# (what `pie install` and phpize need to build it for any other PHP), INSTALL.txt and
# SHA256SUMS for every file.
# Usage: scripts/dist.sh   (DIST_PREBUILT=0: no pre-built archive, for a machine without the
#                           chroots; CI's release job adds its own)
#        scripts/dist.sh --module-only   (the module zip alone, what the test shop installs; prints
#                                         its path)
set -euo pipefail
module_only=0
[ "${1:-}" = "--module-only" ] && module_only=1
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/php-module/sofincosignature"
version="$(sed -n 's/.*<version><!\[CDATA\[\(.*\)\]\]><\/version>.*/\1/p' "$module/config.xml")"
[ -n "$version" ] || { echo "dist: no version in config.xml" >&2; exit 1; }

out="$root/dist"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out" "$stage/sofincosignature"
# Only what the module needs: no logs, no editor or OS leftovers.
(cd "$module" && find . -path ./vendor -prune -o -type f ! -name '*.log' ! -name '.DS_Store' ! -name '*~' -print0 |
  xargs -0 -I{} cp --parents {} "$stage/sofincosignature/")
# The merchant guide in French (docs/fr/) with the screenshots it shows, laid out as in the
# repository so its image links work in the zip too.
mkdir -p "$stage/sofincosignature/docs/fr" "$stage/sofincosignature/docs/screenshots"
cp "$root/docs/fr/guide-marchand.md" "$stage/sofincosignature/docs/fr/"
for png in $(grep -o 'screenshots/[a-z0-9-]*\.png' "$root/docs/fr/guide-marchand.md" | sort -u); do
  cp "$root/docs/$png" "$stage/sofincosignature/docs/screenshots/"
done
# The classmap autoloader (Composer works offline for this), then PrestaShop's guard in each
# of its folders.
COMPOSER_ALLOW_SUPERUSER=1 composer --working-dir="$stage/sofincosignature" --no-interaction --quiet \
  dump-autoload --classmap-authoritative --no-dev
for dir in $(cd "$stage" && find sofincosignature/vendor sofincosignature/docs -type d); do
  [ -f "$stage/$dir/index.php" ] || cp "$module/index.php" "$stage/$dir/index.php"
done
for dir in $(cd "$stage" && find sofincosignature -type d); do
  [ -f "$stage/$dir/index.php" ] || { echo "dist: $dir has no index.php guard" >&2; exit 1; }
done
zip_name="sofincosignature-$version.zip"
# Zipped aside then renamed into dist/: a suite running beside (make test's two lanes) never
# installs a half-written zip.
(cd "$stage" && zip -qr -X "$stage/$zip_name" sofincosignature)
mv -f "$stage/$zip_name" "$out/$zip_name"
if [ "$module_only" = 1 ]; then
  echo "$out/$zip_name"
  exit 0
fi

ext_version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
rm -f "$out"/php_sofinco-*.zip "$out"/php_sofinco-*-src.tgz "$out"/sofinco-*.so
bin_zips=()
if [ "${DIST_PREBUILT:-1}" = 1 ]; then
  rm -rf "$root/.work/dist-release"
  "$root/scripts/matrix/release-all.sh" "$root/.work/dist-release" >/dev/null
  cp "$root/.work/dist-release"/php_sofinco-*.zip "$out/"
  mapfile -t bin_zips < <(cd "$out" && ls php_sofinco-*_php*.zip)
fi

# The PIE source package: what phpize + cargo need, from the committed tree.
src_name="php_sofinco-$ext_version-src"
mkdir -p "$stage/$src_name"
tree="$(git -C "$root" stash create 2>/dev/null || true)"
git -C "$root" archive --format=tar "${tree:-HEAD}" composer.json Cargo.toml Cargo.lock crates pie stubs THIRD-PARTY-LICENSES.md \
  README.md CHANGELOG.md | tar -x -C "$stage/$src_name"
(cd "$stage" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -czf "$out/$src_name.tgz" "$src_name")

cat > "$out/INSTALL.txt" <<NOTES
Payez en plusieurs fois avec Sofinco $version (extension sofinco $ext_version)

1. The PHP extension (PHP 7.1 or newer; PrestaShop 1.7.7+, 8 or 9)
   A .so loads only into the PHP minor version and thread-safety mode it was built for:
   php -v; php -i | grep "Thread Safety"   (the module's configuration page says it too).

   a. Pre-built, for x86_64 Linux with glibc 2.31 or newer (Debian 11+, Ubuntu 20.04+), NTS:
$(for z in ${bin_zips[@]+"${bin_zips[@]}"}; do echo "        $z"; done; [ "${#bin_zips[@]}" -gt 0 ] || echo "        (none in this build: DIST_PREBUILT=0)")
      For PHP X.Y (for example 7.4; Debian's layout, elsewhere see php --ini and php-config):
        sha256sum -c SHA256SUMS --ignore-missing
        unzip php_sofinco-${ext_version}_phpX.Y-x86_64-linux-glibc-nts.zip sofinco.so
        sudo cp sofinco.so "\$(php-configX.Y --extension-dir)/sofinco.so"
        echo "extension=sofinco.so" | sudo tee /etc/php/X.Y/mods-available/sofinco.ini
        sudo phpenmod -v X.Y sofinco && sudo systemctl restart phpX.Y-fpm
        phpX.Y -m | grep sofinco
      THIRD-PARTY-LICENSES.md in each archive lists the licences of what the .so links.

   b. Any other PHP (another minor, ZTS, another OS): build it for that PHP. Needs Rust
      (https://rustup.rs), clang + libclang and that PHP's php-config (php7.x-dev / php8.x-dev,
      php-devel, or your hosting panel's PHP). PHP 8.1+ (ext-php-rs):
        PHP_CONFIG=/path/to/php-config PHP=\$(/path/to/php-config --php-binary) \\
          cargo build --release -p sofinco-php   (then copy target/release/libsofinco.so as sofinco.so)
      PHP 7.1 to 8.0 (phper):
        PHP_CONFIG=/path/to/php-config cargo build --release -p sofinco-php7
          (then copy target/release/libsofinco_php7.so as sofinco.so)
      With PIE (https://github.com/php/pie), PHP 8.1+:
        pie install sofincosignature/sofinco --with-php-config=/path/to/php-config
      or from $src_name.tgz, as PIE does it:
        tar xzf $src_name.tgz && cd $src_name/pie
        phpize && ./configure --with-php-config=/path/to/php-config && make && sudo make install
      README.md (in the source package), "Installing the extension into a PHP", has every step
      for Debian/Ubuntu, RHEL-like systems, Plesk, cPanel and ISPConfig.

2. The module
   Back office > Modules > Module Manager > "Upload a module": $zip_name
   (or unzip it into modules/ and install it from the Module Manager).
   Then Configure: the page first says which extension is loaded and which PHP it was built
   for (or, without it, exactly what to run for this PHP). Fill in N° de commerçant Web,
   Nature de bien partenaire, Q6, X1, ClientId and SecretId, test mode; "Tester la connexion";
   add the three cron lines the page shows.

Check the files: sha256sum -c SHA256SUMS
NOTES
(cd "$out" && sha256sum "$zip_name" ${bin_zips[@]+"${bin_zips[@]}"} "$src_name.tgz" INSTALL.txt > SHA256SUMS)
echo "dist: $out/: $zip_name, ${bin_zips[*]:-no pre-built archive}, $src_name.tgz, INSTALL.txt, SHA256SUMS"
