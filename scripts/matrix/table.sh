#!/usr/bin/env bash
# Prints the matrix's results (.work/matrix/results.tsv, plus the host's PHP 8.2 suites when
# make test-php / test-shop left their logs) as a Markdown table.
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

host_row() {
  local combo="$1" suite="$2" logfile="$3" count
  [ -f "$logfile" ] || return 0
  count="$(grep -aoE '^OK \([0-9]+ tests?|^Tests: [0-9]+' "$logfile" | grep -oE '[0-9]+' | tail -1 || true)"
  printf '%s\t%s\t%s\t%s\n' "$combo" "$suite" "${count:-?}" "$(grep -qaE '^OK( \(|, but)' "$logfile" && echo ok || echo FAILED)"
}
{
  echo "| PHP × PrestaShop | suite | tests | result |"
  echo "|---|---|---|---|"
  {
    cat "$RESULTS" 2>/dev/null || true
    host_row "PHP $(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;') (host)" "PHP suites, PHPUnit 9.6 (make test-php)" "$ROOT/.work/matrix/host-php.log"
    host_row "PHP $(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;') (host) + PrestaShop 8.1.2" "shop suite, PHPUnit 9.6 (make test-shop)" "$ROOT/.work/matrix/host-shop.log"
  } | awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
} | tee "$ROOT/.work/matrix/table.md"
