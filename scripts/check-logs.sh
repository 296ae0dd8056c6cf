#!/usr/bin/env bash
# Fails when any log line written by the test suites shows a secret in clear: the client
# secrets the tests use, a bearer or access token, an e-mail address or a phone number.
# Usage: scripts/check-logs.sh DIR...
set -euo pipefail
files=()
for dir in "$@"; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f -name '*.log' -print0)
done
if [ ${#files[@]} -eq 0 ]; then
  echo "check-logs: no log file under $* (the suites must write some)" >&2
  exit 1
fi
lines=$(cat "${files[@]}" | wc -l)
patterns=(
  'sandbox-secret'                      # the sandbox's client secret
  'wrong-secret|not-the-secret'         # secrets the tests type on purpose
  'Bearer [A-Za-z0-9]'                  # a bearer token
  '"access_token" *: *"[^*]'            # a token in an answer body
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'   # an e-mail address
  # A French phone number, not a run of digits inside an id (a UUID, a reference).
  '(^|[^0-9A-Za-z-])(\+33 ?|0033 ?|0)[1-9]([ .-]?[0-9]{2}){4}($|[^0-9A-Za-z])'
)
leaks=0
for p in "${patterns[@]}"; do
  if grep -EnH -- "$p" "${files[@]}" | head -5 | grep .; then
    echo "check-logs: the pattern '$p' matches log lines above" >&2
    leaks=1
  fi
done
[ "$leaks" = 0 ] || exit 1
echo "check-logs: ${#files[@]} log files, $lines lines, no secret, token, e-mail or phone in clear"
