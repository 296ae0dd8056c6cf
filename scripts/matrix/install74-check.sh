#!/usr/bin/env bash
# A PHP 7.4 merchant's install path, as README ("Installing the extension into a PHP") and the
# French merchant guide write it: the 7.4 archive and its SHA256SUMS, sha256sum -c, unzip,
# copy into php-config7.4's extension dir, mods-available/sofinco.ini, phpenmod, then PHP 7.4
# loads it from its own ini files (php -m, tools/php/load-check.php without -n). In the
# bullseye chroot, on private copies of /etc/php and /usr/lib/php (a mount namespace of its
# own: the shared chroot's PHP is left as it was).
# The archive: dist/release's 7.4 one when make release made it (INSTALL74_FROM: another
# folder of archives and SHA256SUMS), else build-ext74.sh's debug
# build packaged by scripts/release.sh (same crate, same chroot and glibc; no release build in
# make test's time).
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

work="$ROOT/.work/matrix/install74"
out="$ROOT/.work/matrix/install74.log"
rm -rf "$work"
mkdir -p "$work"
rc=0
{
  from="${INSTALL74_FROM:-$ROOT/dist/release}"
  if ls "$from"/php_sofinco-*_php7.4-*-nts.zip >/dev/null 2>&1; then
    cp "$from"/php_sofinco-*_php7.4-*-nts.zip "$from/SHA256SUMS" "$work/"
    echo "archive: $from"
  else
    so="$ROOT/.work/target-php74/debug/libsofinco_php7.so"
    [ -f "$so" ] || die "no PHP 7.4 build: run scripts/matrix/build-ext74.sh"
    (cd "$ROOT" && in_chroot bullseye env PHP_CONFIG=/usr/bin/php-config7.4 RELEASE_SO="$so" RELEASE_PROFILE=debug \
      scripts/release.sh "$work")
    echo "archive: the debug build, packaged by scripts/release.sh"
  fi
  (cd "$ROOT" && in_chroot bullseye /bin/bash -c '
    set -euo pipefail
    work="$1" root="$2"
    for d in /etc/php /usr/lib/php; do
      mkdir -p "/tmp/install74$d" && cp -a "$d/." "/tmp/install74$d/" && mount --bind "/tmp/install74$d" "$d"
    done
    trap "rm -rf /tmp/install74" EXIT
    set -x
    cd "$work"
    sha256sum -c --ignore-missing SHA256SUMS
    unzip -o php_sofinco-*_php7.4-x86_64-linux-glibc*-nts.zip sofinco.so
    cp sofinco.so "$(php-config7.4 --extension-dir)/sofinco.so"
    echo "extension=sofinco" > /etc/php/7.4/mods-available/sofinco.ini
    phpenmod -v 7.4 sofinco
    php7.4 -m | grep -x sofinco
    php7.4 "$root/tools/php/load-check.php"
  ' install74 "$work" "$ROOT")
} >"$out" 2>&1 || rc=$?
tail -n 3 "$out" >&2
[ "$rc" = 0 ] || tail -n 30 "$out" >&2
# One "test": the documented path, end to end.
[ "$rc" = 0 ] && echo "OK (1 test)" >>"$out"
record "PHP 7.4 (bullseye, phper)" "install of the 7.4 archive as documented (sha256sum, phpenmod, php -m)" "$out" "$rc"
exit "$rc"
