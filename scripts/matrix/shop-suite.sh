#!/usr/bin/env bash
# The shop suites on a real PrestaShop PS_VERSION served by a chroot's PHP on its MariaDB, the
# module installed from its zip with the extension built for that PHP:
#   PHP 8.4: trixie (MariaDB 11.8), ext-php-rs build .work/target-php84, PHPUnit 11 (phpunit-shop.11.xml);
#   PHP 7.4: bullseye (MariaDB 10.5), phper build (SOFINCO_SO_PHP74, default
#            .work/target-php74/debug/libsofinco_php7.so), Debian 12's PHPUnit 9.6 (phpunit-shop.xml).
# SHOP_SUITES (default "shop"; the 7.4 rows run "shop browser"): "up" alone only installs and
# serves the shop (no extension needed: make test does it while the extension builds), else any
# of harness (tests/harness),
# shop (tests/shop), browser (tests/browser: the host's Chromium over loopback, the shop's own
# PHP through scripts/matrix/chroot-php.sh). Every PHP error of the shop's processes goes to
# <work>/php-errors.log: a deprecation, warning or error naming the module or the extension fails.
# Own work folder .work/matrix/ps<version>-php<NN> (reused like make test-shop's; CI=true stops it).
#   scripts/matrix/shop-suite.sh 8.2.1|8.1.2|1.7.8.11 [8.4|7.4]
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

ps="${1:-}"
php="${2:-8.4}"
case "$php" in
  8.4)
    suite=trixie
    so="$ROOT/.work/target-php84/debug/libsofinco.so"
    sandbox="$ROOT/target/debug/sofinco-sandbox"
    phpunit="php8.4 /usr/bin/phpunit --configuration phpunit-shop.11.xml"
    harness="php8.4 /usr/bin/phpunit --configuration phpunit-harness.xml"
    runner="PHPUnit 11"
    default_suites=shop ;;
  7.4)
    suite=bullseye
    so="${SOFINCO_SO_PHP74:-$ROOT/.work/target-php74/debug/libsofinco_php7.so}"
    # The host's sandbox needs a newer glibc than bullseye's: the suite, inside, runs its own.
    sandbox="$ROOT/.work/target-php74/debug/sofinco-sandbox"
    phpunit="php7.4 -d include_path=.:/opt/bookworm-php /opt/bookworm-phpunit --configuration phpunit-shop.xml"
    harness="php7.4 -d include_path=.:/opt/bookworm-php /opt/bookworm-phpunit --configuration phpunit-harness.xml"
    runner="PHPUnit 9.6"
    default_suites="shop browser" ;;
  *) die "usage: $0 8.2.1|8.1.2|1.7.8.11 [8.4|7.4]" ;;
esac
case "$ps:$php" in 8.1.2:* | 8.2.1:8.4 | 1.7.8.11:7.4) ;; *) die "PrestaShop $ps does not run on PHP $php" ;; esac
suites="${SHOP_SUITES:-$default_suites}"
[ "$suites" = up ] || [ -f "$so" ] || die "no PHP $php build of the extension at $so"
slug="ps${ps//./}-php${php//./}"
work="$ROOT/.work/matrix/$slug"
out="$ROOT/.work/matrix/$slug.log"
combo="PHP $php ($suite) + PrestaShop $ps"
mkdir -p "$work"
errors="$work/php-errors.log"
rm -f "$errors"
php_args="-d extension=$so -d error_reporting=-1 -d log_errors=1 -d error_log=$errors"
[ "$suites" != up ] || php_args=

t0=$(now_s)
rc=0
: >"$out"
if [ "$php" = 7.4 ] && [ "$suites" != up ] && [ ! -x "$sandbox" ]; then
  log "building the sandbox for the $suite chroot"
  (cd "$ROOT" && in_chroot "$suite" env CARGO_TARGET_DIR="${sandbox%/debug/sofinco-sandbox}" \
    cargo build --locked --offline -p sofinco-sandbox) >>"$out" 2>&1 || die "cannot build the sandbox in $suite (log: $out)"
fi
# The zip is built on the host: Composer writes its classmap, and the chroots have no Composer.
zip="$("$ROOT/scripts/dist.sh" --module-only)"
chroot_env=(env SOFINCO_MODULE_ZIP="$zip" SHOP_WORK="$work" PS_VERSION="$ps" SHOP_PHP_ARGS="$php_args"
  SOFINCO_SANDBOX="$sandbox")
if [ "$suites" = up ]; then
  (cd "$ROOT" && in_chroot "$suite" "${chroot_env[@]}" scripts/shop/shop-up.sh) >>"$out" 2>&1 || rc=$?
  suites=
else
  (cd "$ROOT" && in_chroot "$suite" "${chroot_env[@]}" /bin/bash -c 'scripts/shop/shop-up.sh && scripts/shop/shop-install-module.sh') \
    >>"$out" 2>&1 || rc=$?
fi

# run NAME SUITE-LABEL CMD...: one suite, timed, recorded in the matrix's results.
run() {
  local name="$1" label="$2" t r=0 log="$ROOT/.work/matrix/$slug-$1.log"
  shift 2
  t=$(now_s)
  "$@" >"$log" 2>&1 || r=$?
  cat "$log" >>"$out"
  record "$combo" "$label" "$log" "$r"
  printf '%s\t%s\t%s\t%s\n' "$combo" "$label" "$(elapsed "$t")" "$([ "$r" = 0 ] && echo ok || echo FAILED)" >>"$ROOT/.work/matrix/suite-times.tsv"
  log "$combo, $label: $([ "$r" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t") s"
  [ "$r" = 0 ] || rc=1
}
in_shop() {
  (cd "$ROOT" && in_chroot "$suite" "${chroot_env[@]}" /bin/bash -c "$1")
}
if [ "$rc" = 0 ]; then
  for s in $suites; do
    case "$s" in
      harness) run harness "harness, $runner" in_shop "$harness" ;;
      shop) run shop "shop suite, $runner" in_shop "$phpunit && scripts/check-logs.sh \"\$SHOP_WORK\"/prestashop/var/logs/sofincosignature-*" ;;
      browser) run browser "browser checks, Chromium (host)" env SHOP_WORK="$work" SHOP_ENV="$work/shop.env" \
        SHOP_PHP_ARGS="$php_args" SHOP_PHP="$ROOT/scripts/matrix/chroot-php.sh $suite php$php" \
        SOFINCO_SANDBOX="$ROOT/target/debug/sofinco-sandbox" "$ROOT/tests/browser/run.sh" ;;
      *) die "unknown suite $s (harness, shop, browser)" ;;
    esac
  done
fi
if [ "${CI:-}" = true ]; then
  (cd "$ROOT" && in_chroot "$suite" env SHOP_WORK="$work" scripts/shop/shop-down.sh) >>"$out" 2>&1 || true
fi
# PrestaShop itself is noisy (8.4's deprecations); our code must not be.
if grep -aE 'Deprecated|Warning|Notice|Fatal|Parse error|Uncaught' "$errors" 2>/dev/null \
  | grep -aE 'modules/sofincosignature/|Sofinco\\|libsofinco|sofinco_php7' >"$work/our-errors.log"; then
  echo "PHP $php errors from the module or the extension (PrestaShop $ps):" >>"$out"
  head -n 20 "$work/our-errors.log" >>"$out"
  rc=1
fi
tail -n 3 "$out" >&2
[ "$rc" = 0 ] || tail -n 60 "$out" >&2
log "PrestaShop $ps on PHP $php ($suites): $([ "$rc" = 0 ] && echo passed || echo FAILED) in $(elapsed "$t0") s (log: $out)"
exit "$rc"
