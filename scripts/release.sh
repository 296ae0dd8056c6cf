#!/usr/bin/env bash
# Builds the extension for one PHP (the one PHP_CONFIG describes), loads it into that PHP,
# and only then keeps it as a pre-built binary archive named as PIE looks for it
# (php/pie src/Platform/PrePackagedBinaryAssetName.php):
#   php_sofinco-<version>_php<major.minor>-<arch>-<os>-<libc>[-debug]-<nts|zts>.zip
# holding sofinco.so and THIRD-PARTY-LICENSES.md, plus a line for it in SHA256SUMS.
# PHP 8.1+ gets crates/sofinco-php (ext-php-rs), PHP 7.1-8.0 crates/sofinco-php7 (phper).
# Usage: PHP_CONFIG=/path/to/php-config scripts/release.sh [out-dir]   (default dist/release)
# CARGO_TARGET_DIR is honoured (default target/); .github/workflows/release.yml runs this per
# PHP version x thread safety. RELEASE_SO=/path/to/lib.so packages a .so built elsewhere for
# this PHP (scripts/matrix/release-glibc.sh builds on bullseye, loads here) instead of building.
# A .so needing a glibc newer than RELEASE_MAX_GLIBC (2.31, Debian 11's) is refused.
# RELEASE_PROFILE=debug packages a debug RELEASE_SO (the install check of make test-matrix).
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
case "$php_minor" in 7.* | 8.0) crate=sofinco-php7 lib=libsofinco_php7.so ;; *) crate=sofinco-php lib=libsofinco.so ;; esac
so="${RELEASE_SO:-$target_dir/release/$lib}"
if [ -z "${RELEASE_SO:-}" ]; then
  echo "release: building $name for PHP $php_version ($php_config)"
  (cd "$root" && env ${build_env[@]+"${build_env[@]}"} CARGO_TARGET_DIR="$target_dir" \
    cargo build --release --locked -p "$crate")
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$so" "$stage/sofinco.so"

# The newest glibc symbol version the .so needs: one archive serves every glibc from that on.
max_glibc="${RELEASE_MAX_GLIBC:-2.31}"
need_glibc="$(objdump -T "$stage/sofinco.so" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1)"
[ "$(printf '%s\n%s\n' "$need_glibc" "$max_glibc" | sort -V | tail -1)" = "$max_glibc" ] || {
  echo "release: $name needs glibc $need_glibc, newer than $max_glibc (build it on Debian 11: scripts/matrix/release-glibc.sh)" >&2; exit 1; }
echo "release: $name needs glibc $need_glibc at most (limit $max_glibc)"

# Refuse a build that does not load into its PHP, or that says it is for another PHP.
modules="$("$php" -n -d extension="$stage/sofinco.so" -m 2>&1)"
grep -qx sofinco <<<"$modules" || { echo "release: $name does not load into $php:" >&2; echo "$modules" >&2; exit 1; }
check="$("$php" -n -d extension="$stage/sofinco.so" "$root/tools/php/load-check.php" 2>&1)" || {
  echo "release: $name loads but fails: $check" >&2; exit 1; }
profile="${RELEASE_PROFILE:-release}"
[ "$check" = "in_study $php_version $ts $profile" ] || {
  echo "release: $name answered '$check', expected 'in_study $php_version $ts $profile'" >&2; exit 1; }
echo "release: loaded into $php: StatusMapper::stateFor('ETU') is InStudy, built for PHP $php_version $ts"

mkdir -p "$out"
rm -f "$out/$name.zip"
cp "$root/THIRD-PARTY-LICENSES.md" "$stage/"
(cd "$stage" && zip -q -X "$out/$name.zip" sofinco.so THIRD-PARTY-LICENSES.md)
(cd "$out" && { grep -v "  $name.zip\$" SHA256SUMS 2>/dev/null || true; sha256sum "$name.zip"; } > SHA256SUMS.tmp &&
  mv SHA256SUMS.tmp SHA256SUMS)
echo "release: $out/$name.zip"
