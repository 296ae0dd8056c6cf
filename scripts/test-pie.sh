#!/usr/bin/env bash
# Builds the extension through the PIE glue exactly as PIE does on a merchant's server, from a
# clean copy of the tree (git archive of the committed tree plus tracked edits), then loads
# the installed sofinco.so into PHP and calls it.
#   phpize; ./configure --with-php-config=...; make; make install INSTALL_ROOT=<tmp>
# PHP_CONFIG picks the PHP (default php-config in PATH). Cargo builds into its own target dir,
# PIE_TEST_TARGET (default .work/pie-target, kept between runs; a new one is seeded from the
# host's debug build, so the first run compiles only the copied tree's crates);
# PIE_TEST_PROFILE=release|debug (default debug: the glue's --enable-sofinco-debug option).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
php_config="${PHP_CONFIG:-$(command -v php-config)}"
php="$("$php_config" --php-binary)"
profile="${PIE_TEST_PROFILE:-debug}"
export CARGO_TARGET_DIR="${PIE_TEST_TARGET:-$root/.work/pie-target}"
# The first run compiles only the crates of the copied tree (another path): the registry's
# crates come from the host's debug build.
[ "$profile" != debug ] || "$root/scripts/seed-target.sh" "$CARGO_TARGET_DIR"
mkdir -p "$CARGO_TARGET_DIR"
start=$SECONDS

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$(git -C "$root" stash create 2>/dev/null || true)"
git -C "$root" archive --format=tar "${tree:-HEAD}" | tar -x -C "$work"
build_path="$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["php-ext"]["build-path"];' "$work/composer.json")"
[ "$build_path" = pie ] || { echo "test-pie: composer.json build-path is '$build_path'" >&2; exit 1; }

cd "$work/$build_path"
log="$work/build.log"
configure_opts=(--with-php-config="$php_config")
[ "$profile" = debug ] && configure_opts+=(--enable-sofinco-debug)
if ! { "$(dirname "$php_config")/phpize$(basename "$php_config" | sed 's/^php-config//')" >"$log" 2>&1 &&
       ./configure "${configure_opts[@]}" >>"$log" 2>&1 &&
       make >>"$log" 2>&1 &&
       make install INSTALL_ROOT="$work/root" >>"$log" 2>&1; }; then
  tail -40 "$log" >&2
  echo "test-pie: FAILED: the PIE glue did not build and install the extension" >&2
  exit 1
fi
so="$work/root$("$php_config" --extension-dir)/sofinco.so"
[ -f "$so" ] || { echo "test-pie: FAILED: make install put no $so" >&2; find "$work/root" >&2; exit 1; }

# Captured first: with pipefail, grep -q quitting early would fail php with SIGPIPE.
modules="$("$php" -n -d extension="$so" -m 2>&1)"
grep -qx sofinco <<<"$modules" || {
  echo "test-pie: FAILED: $so does not load into $php:" >&2; echo "$modules" >&2; exit 1; }
got="$("$php" -n -d extension="$so" -r '
  $i = Sofinco\Internal::buildInfo();
  echo Sofinco\StatusMapper::group(Sofinco\StatusMapper::stateFor("ETU")), " ", $i["php"], " ", $i["thread_safety"], " ", $i["profile"];')"
target="$("$php_config" --version) $("$php" -n -r 'echo PHP_ZTS ? "zts" : "nts";')"
want="pending $target $profile"
[ "$got" = "$want" ] || { echo "test-pie: FAILED: got '$got', want '$want'" >&2; exit 1; }
echo "test-pie: ok: phpize/configure/make/make install -> $(basename "$so") loaded into $php," \
  "StatusMapper::group(stateFor('ETU')) = pending, $profile build for PHP $target ($((SECONDS - start)) s)"
