#!/usr/bin/env bash
# Runs the extension and client PHPUnit suites under valgrind (PHP's allocator off, so every
# allocation is seen) and fails when a leak or an invalid access has a frame in the
# extension (libsofinco, sofinco::, ext_php_rs; the phper build: libsofinco_php7, phper). Other
# reports are PHP's own or known false positives (ring's assembly, PCRE's JIT is turned off).
# Usage: scripts/memcheck.sh path/to/libsofinco.so
# Another PHP (the PHP 7.4 run, scripts/matrix/memcheck74.sh): MEMCHECK_PHP (php),
# MEMCHECK_PHPUNIT (/usr/bin/phpunit), MEMCHECK_PHP_ARGS (extra -d options, space-separated).
set -euo pipefail
so="$1"
php="${MEMCHECK_PHP:-php}"
phpunit="${MEMCHECK_PHPUNIT:-/usr/bin/phpunit}"
read -r -a php_args <<<"${MEMCHECK_PHP_ARGS:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 SOFINCO_EXT="$so" \
  valgrind --leak-check=full --show-leak-kinds=definite,indirect --error-limit=no --num-callers=40 \
  --log-file="$out/vg.%p.log" \
  "$php" -d pcre.jit=0 "${php_args[@]}" -d "extension=$so" "$phpunit" --testsuite extension,client \
  --exclude-group slow >"$out/phpunit.txt" 2>&1 || { cat "$out/phpunit.txt"; exit 1; }
tail -n 3 "$out/phpunit.txt"
# phper's class and ini tables, made once when PHP loads the module, are never freed (phper
# says so): records from module_startup are bounded, once per process, and left out.
# Each valgrind record is a block of lines ending with an empty "==pid== " line.
ours="$(awk '/are (definitely|indirectly) lost|Invalid (read|write)|Invalid free|Mismatched free/,/^==[0-9]+== $/' "$out"/vg.*.log |
  awk 'BEGIN{RS="==[0-9]+== \n"} /libsofinco|sofinco::|sofinco_php7::|ext_php_rs|phper::/ && !/module_startup/' || true)"
if [ -n "$ours" ]; then
  printf '%s\n' "$ours" | head -60
  echo "memcheck: valgrind found leaks or invalid accesses in the extension" >&2
  exit 1
fi
lost="$(grep -h 'definitely lost:' "$out"/vg.*.log | awk '{s+=$4} END{print s+0}')"
echo "memcheck: $(ls "$out"/vg.*.log | wc -l) processes under valgrind; no leak and no invalid access from the extension (PHP itself: ${lost} bytes definitely lost)"
