#!/usr/bin/env bash
# Builds the extension for one PHP (the one PHP_CONFIG describes), loads it into that PHP,
# and only then keeps it as a pre-built binary archive named as PIE looks for it
# (php/pie src/Platform/PrePackagedBinaryAssetName.php):
#   php_sofinco-<version>_php<major.minor>-<arch>-<os>-<libc>[-debug]-<nts|zts>.zip
# holding sofinco.so, plus a line for it in SHA256SUMS.
# Usage: PHP_CONFIG=/path/to/php-config scripts/release.sh [out-dir]   (default dist/release)
# CARGO_TARGET_DIR is honoured (default target/); .github/workflows/release.yml runs this per
# PHP version x thread safety.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/dist/release}"
php_config="${PHP_CONFIG:-$(command -v php-config || true)}"
[ -n "$php_config" ] && [ -x "$php_config" ] || {
  echo "release: no php-config (set PHP_CONFIG=/path/to/php-config; Debian: php8.x-dev)" >&2; exit 1; }
if [ -n "${PHP_CONFIG:-}" ]; then
  php="$("$php_config" --php-binary)"
  build_env=(PHP_CONFIG="$php_config" PHP="$php")
else
  # php-config and php from PATH, as a plain `cargo build` uses them (and reuses its build).
  php="$(command -v php || true)"
  build_env=()
fi
[ -n "$php" ] && [ -x "$php" ] || { echo "release: no php binary for $php_config" >&2; exit 1; }
target_dir="${CARGO_TARGET_DIR:-$root/target}"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
php_version="$("$php_config" --version)"
read -r php_minor ts debug < <("$php" -n -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION, " ", PHP_ZTS ? "zts" : "nts", " ", PHP_DEBUG ? "-debug" : "", "\n";')
case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="$(uname -s | tr '[:upper:]' '[:lower:]')" ;; esac
libc=glibc
if [ "$os" = linux ] && grep -qi musl <<<"$(ldd --version 2>&1 || true)"; then libc=musl; fi
[ "$os" = darwin ] && libc=bsdlibc
arch="$(uname -m)"
[ "$arch" = aarch64 ] && arch=arm64   # PIE accepts both; arm64 is what it tries first on Linux

name="php_sofinco-${version}_php${php_minor}-${arch}-${os}-${libc}${debug}-${ts}"
echo "release: building $name for PHP $php_version ($php_config)"
(cd "$root" && env ${build_env[@]+"${build_env[@]}"} CARGO_TARGET_DIR="$target_dir" \
  cargo build --release --locked -p sofinco-php)

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$target_dir/release/libsofinco.so" "$stage/sofinco.so"

# Refuse a build that does not load into its PHP, or that says it is for another PHP.
modules="$("$php" -n -d extension="$stage/sofinco.so" -m 2>&1)"
grep -qx sofinco <<<"$modules" || { echo "release: $name does not load into $php:" >&2; echo "$modules" >&2; exit 1; }
check="$("$php" -n -d extension="$stage/sofinco.so" -r '
  $i = Sofinco\Internal::buildInfo();
  echo Sofinco\StatusMapper::group(Sofinco\StatusMapper::stateFor("ETU")), " ", $i["php"], " ", $i["thread_safety"], " ", $i["profile"];' 2>&1)" || {
  echo "release: $name loads but fails: $check" >&2; exit 1; }
[ "$check" = "pending $php_version $ts release" ] || {
  echo "release: $name answered '$check', expected 'pending $php_version $ts release'" >&2; exit 1; }
echo "release: loaded into $php: StatusMapper::group(stateFor('ETU')) = pending, built for PHP $php_version $ts"

mkdir -p "$out"
rm -f "$out/$name.zip"
(cd "$stage" && zip -q -X "$out/$name.zip" sofinco.so)
(cd "$out" && { grep -v "  $name.zip\$" SHA256SUMS 2>/dev/null || true; sha256sum "$name.zip"; } > SHA256SUMS.tmp &&
  mv SHA256SUMS.tmp SHA256SUMS)
echo "release: $out/$name.zip"
