#!/usr/bin/env bash
# The tests on PostgreSQL and across several nodes start Debian's PostgreSQL and Redis servers
# on throwaway directories; install them when missing and we are allowed to.
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} (only the binaries are used; no service is started for the tests)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests on PostgreSQL need ${missing[*]}, which is not installed." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
exit 1
