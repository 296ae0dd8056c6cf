#!/usr/bin/env bash
# A chroot's PHP as a command of the host, for the browser checks (node on the host runs
# tests/browser/shop.php inside the shop, whose PHP lives in the chroot): the same working
# folder, and the shop's, Sofinco's and the browser checks' environment variables passed on
# (in_chroot starts from an empty environment).
#   scripts/matrix/chroot-php.sh bullseye php7.4 ARGS...
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || die "usage: $0 SUITE PHP-BINARY [ARGS...]"
suite="$1" binary="$2"
shift 2
vars=()
while IFS= read -r name; do vars+=("$name=${!name}"); done < <(compgen -e | grep -E '^(SHOP_|SOFINCO_|BROWSER_)')
exec_in() { in_chroot "$suite" env "${vars[@]}" "$binary" "$@"; }
exec_in "$@"
