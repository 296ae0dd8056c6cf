#!/usr/bin/env bash
# Every source file of the module (PHP, templates, JS, CSS, XLF) names its licence in its first
# lines: the zip a merchant installs carries LICENSE, and each file says it is under it.
#   tools/check-license-headers.sh DIR   (fails, listing them, when a file has no SPDX line)
set -euo pipefail
dir="${1:?usage: $0 DIR}"
missing="$(find "$dir" -path '*/vendor' -prune -o -type f \( -name '*.php' -o -name '*.tpl' -o -name '*.js' -o -name '*.css' -o -name '*.xlf' \) -print |
  while read -r f; do head -n 5 "$f" | grep -q 'SPDX-License-Identifier: MIT' || echo "$f"; done)"
if [ -n "$missing" ]; then
  echo "check-license-headers: no SPDX-License-Identifier line in:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  exit 1
fi
echo "check-license-headers: $(find "$dir" -path '*/vendor' -prune -o -type f \( -name '*.php' -o -name '*.tpl' -o -name '*.js' -o -name '*.css' -o -name '*.xlf' \) -print | wc -l) files, each with its licence line"
