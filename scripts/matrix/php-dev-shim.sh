#!/usr/bin/env bash
# Makes the bullseye chroot (glibc 2.31) able to build the extension for a newer PHP it cannot
# run: that PHP's php<X.Y>-dev package unpacked under /opt/php-dev/<X.Y>, its php-config pointed
# at those headers, and a `php` that replays what the real PHP (host 8.2, trixie 8.4, sid 8.5)
# answered to the two questions the build asks: `php -i` (ext-php-rs: API, thread safety, debug)
# and build.rs's version probe. Prints the php-config path (inside the chroot).
#   scripts/matrix/php-dev-shim.sh 8.2|8.4|8.5
set -euo pipefail
# shellcheck source=scripts/matrix/lib.sh
source "$(dirname "$0")/lib.sh"

v="${1:-}"
case "$v" in
  8.2) home=host pkg=php8.2-dev ;;
  8.4) home=trixie pkg=php8.4-dev ;;
  8.5) home=sid pkg=php8.5-dev/experimental ;;
  *) die "usage: $0 8.2|8.4|8.5" ;;
esac
# in_home CMD...: runs CMD where the real PHP $v lives.
in_home() { if [ "$home" = host ]; then "$@"; else in_chroot "$home" "$@"; fi; }

bullseye="$(chroot_dir bullseye)"
[ -f "$bullseye/.sofinco-ready" ] || die "no bullseye chroot: run scripts/matrix/chroot-up.sh bullseye"
[ "$home" = host ] || [ -f "$(chroot_dir "$home")/.sofinco-ready" ] || die "no $home chroot: run scripts/matrix/chroot-up.sh $home"
opt="$bullseye/opt/php-dev/$v"
# Exactly crates/sofinco-php/build.rs's probe.
probe="echo PHP_VERSION, ' ', PHP_ZTS ? 'zts' : 'nts', ' ', PHP_DEBUG ? 'debug' : 'release';"
real_version="$(in_home "php$v" -n -r 'echo PHP_VERSION;')"
if [ -f "$opt/version" ] && [ "$(cat "$opt/version")" = "$real_version" ]; then
  echo "/opt/php-dev/$v/bin/php-config"
  exit 0
fi

# Under the worktree: the chroots see it at the same path.
debs="$ROOT/.work/php-dev-debs"
mkdir -p "$debs"
# The -dev package of exactly the PHP that will load the build (same version as its CLI).
if [ "$home" = host ]; then
  (cd "$debs" && apt-get download -qq "$pkg=$(dpkg-query -W -f='${Version}' "php$v-cli")") >&2
else
  in_chroot "$home" /bin/bash -c 'cd "$1" && apt-get download -qq "$2=$(dpkg-query -W -f="\${Version}" "$3")"' \
    dl "$debs" "${pkg%/*}" "php$v-cli" >&2
fi
deb="$(ls -t "$debs/php${v}-dev_"*.deb | head -1)"
rm -rf "$opt"
mkdir -p "$opt/bin"
dpkg-deb -x "$deb" "$opt"
sed -i "s#^include_dir=.*#include_dir=\"/opt/php-dev/$v/usr/include/php/\$(ls /opt/php-dev/$v/usr/include/php)\"#" \
  "$opt/usr/bin/php-config$v"
ln -sf "../usr/bin/php-config$v" "$opt/bin/php-config"
in_home "php$v" -i >"$opt/php-i.txt"
in_home "php$v" -n -r "$probe" >"$opt/probe.txt"
cat >"$opt/bin/php" <<SHIM
#!/bin/sh
# Not PHP: replays what PHP $real_version ($home) answered to the build's two questions.
case "\$*" in
  -i) exec cat /opt/php-dev/$v/php-i.txt ;;
  "-n -r $probe") exec cat /opt/php-dev/$v/probe.txt ;;
  *) echo "php-dev-shim: PHP $v cannot run here (asked: \$*)" >&2; exit 1 ;;
esac
SHIM
chmod +x "$opt/bin/php"
# The headers must be the same PHP as the binary that answered.
got="$(in_chroot bullseye "/opt/php-dev/$v/bin/php-config" --version)"
[ "$got" = "$real_version" ] || die "php$v-dev is $got but PHP $v is $real_version"
echo "$real_version" >"$opt/version"
log "PHP $real_version headers and answers in $opt"
echo "/opt/php-dev/$v/bin/php-config"
