#!/usr/bin/env bash
# Seeds a new cargo target dir (the PHP 8.4 / 8.5 chroot builds, the PIE check) with a copy of
# the host's debug build, so that cargo there compiles only what differs (ext-php-rs for
# another PHP's headers, the workspace crates at another path) instead of every crate again:
# about 25 s instead of 250 s for a chroot build. Cargo checks each copied artifact's
# fingerprint (same toolchain, same lock file, same features) and rebuilds whatever does not
# match, so a stale or partial seed costs time, never correctness. Does nothing when DIR/debug
# exists already or the host has no debug build; incremental/ is left out (only the
# workspace's own crates use it, and it is the biggest part).
#   scripts/seed-target.sh DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: $0 TARGET_DIR}"
host="$root/target"
[ ! -d "$dir/debug" ] && [ -d "$host/debug/deps" ] || exit 0
mkdir -p "$dir"
# Into a temporary name first: a copy cut short is not taken for a build.
rm -rf "$dir/.seed"
mkdir -p "$dir/.seed"
tar -C "$host" --exclude=debug/incremental -cf - debug | tar -C "$dir/.seed" -xf -
mv "$dir/.seed/debug" "$dir/debug"
rmdir "$dir/.seed"
echo "[seed-target.sh] $dir/debug seeded from the host's debug build" >&2
