#!/usr/bin/env bash
# make release: the pre-built archive of every PHP minor this machine can build and load, each
# against Debian 11's glibc 2.31 (scripts/matrix/release-glibc.sh, one after the other: they
# share a target dir), then a table of every PHP minor 7.1-8.5 x NTS/ZTS: built here (build
# seconds, .so size, newest glibc symbol) or not buildable here (no Debian package of that PHP
# to load it into: .github/workflows/release.yml builds those with setup-php).
#   scripts/matrix/release-all.sh OUT-DIR   (OUT-DIR under the repository; RELEASE_PHPS to narrow)
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

out="${1:?usage: $0 OUT-DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
buildable="7.4 8.2 8.4 8.5"
built="${RELEASE_PHPS:-$buildable}"
table="$out/release-table.md"
status=0
rows=""
for v in $built; do
  t0=$(now_s)
  if "$(dirname "$0")/release-glibc.sh" "$v" "$out" >"$out/php$v.log" 2>&1; then
    zip="$(cd "$out" && ls -t php_sofinco-*_php"$v"-*-nts.zip | head -1)"
    size="$(unzip -l "$out/$zip" sofinco.so | awk 'NR == 4 { print $1 }')"
    glibc="$(sed -n 's/.*needs glibc \([0-9.]*\) at most.*/\1/p' "$out/php$v.log")"
    build="$(sed -n 's/.*built on bullseye in \([0-9.]*\) s.*/\1/p' "$out/php$v.log")"
    rows+="| $v | NTS | built here, loaded into PHP $v | $build | $size | $glibc | $zip |"$'\n'
  else
    tail -n 20 "$out/php$v.log" >&2
    rows+="| $v | NTS | FAILED (log: $out/php$v.log) | $(elapsed "$t0") | | | |"$'\n'
    status=1
  fi
done
for v in 7.1 7.2 7.3 7.4 8.0 8.1 8.2 8.3 8.4 8.5; do
  case " $built " in
    *" $v "*) ;;
    *) case " $buildable " in
         *" $v "*) rows+="| $v | NTS | not built in this run (RELEASE_PHPS) | | | | |"$'\n' ;;
         *) rows+="| $v | NTS | not buildable here | | | | release.yml |"$'\n' ;;
       esac ;;
  esac
  case "$v" in 7.* | 8.0) ;; *) rows+="| $v | ZTS | not buildable here | | | | release.yml |"$'\n' ;; esac
done
{
  echo "| PHP | thread safety | here | build s | sofinco.so bytes | newest GLIBC_ symbol | archive |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$rows" | sort -V
} | tee "$table"
exit "$status"
