#!/usr/bin/env bash
# Every PHP file of the module parses under PHP 7.4 (bullseye) and 8.4 (trixie); make lint
# checks the host's 8.2.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

status=0
for pair in "bullseye php7.4" "trixie php8.4"; do
  set -- $pair
  out="$ROOT/.work/matrix/lint-$2.log"
  rc=0
  (cd "$ROOT" && in_chroot "$1" /bin/bash -c 'n=0; for f in $(find php-module -name "*.php"); do "$0" -l "$f" >/dev/null || exit 1; n=$((n + 1)); done; echo "OK ($n tests: $0 -l)"' "$2") >"$out" 2>&1 || rc=$?
  [ "$rc" = 0 ] || { cat "$out" >&2; status=1; }
  record "PHP ${2#php} ($1)" "php -l of php-module (files)" "$out" "$rc"
done
exit "$status"
