#!/usr/bin/env bash
# The PHP 8.4 pre-built archive for make dist: scripts/release.sh inside the trixie chroot
# (release build against its php-config8.4, loaded into its PHP 8.4 before it is kept).
#   scripts/matrix/release-php84.sh OUT-DIR   (OUT-DIR under the repository: the chroot sees it)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

out="${1:?usage: $0 OUT-DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$out" in "$ROOT"/*) ;; *) die "$out is outside $ROOT: the chroot cannot write there" ;; esac
"$(dirname "$0")/chroot-up.sh" trixie
copy_registry trixie
(cd "$ROOT" && in_chroot trixie env CARGO_TARGET_DIR="$ROOT/.work/target-php84" PHP_CONFIG=/usr/bin/php-config8.4 \
  scripts/release.sh "$out")
