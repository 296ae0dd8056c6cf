#!/usr/bin/env bash
# Starts the Sofinco sandbox in the background on a free loopback port, for a shop that
# outlives the command (make demo SERVE=1). Writes SANDBOX_URL and SANDBOX_PID to $1.
# Usage: scripts/sandbox-up.sh ENV_FILE SANDBOX_BINARY [sandbox args...]
set -euo pipefail
env_file="$1"
binary="$2"
shift 2
out="$(mktemp)"
setsid "$binary" --listen 127.0.0.1:0 --admin "$@" >"$out" 2>"$env_file.log" </dev/null &
pid=$!
for _ in $(seq 1 50); do
  url="$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$out")"
  [ -n "$url" ] && break
  sleep 0.1
done
rm -f "$out"
[ -n "${url:-}" ] || { echo "sandbox-up: the sandbox did not start (see $env_file.log)" >&2; kill "$pid" 2>/dev/null || true; exit 1; }
printf 'SANDBOX_URL=%s\nSANDBOX_PID=%s\n' "$url" "$pid" >"$env_file"
echo "$url"
