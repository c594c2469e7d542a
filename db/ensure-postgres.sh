#!/usr/bin/env bash
# The PostgreSQL runs of the tests start Debian's PostgreSQL server on a throwaway directory;
# install it when missing and we are allowed to.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "PostgreSQL not found: installing Debian's postgresql package..."
  apt-get update -qq
  # Only the binaries are needed: the package's own cluster is not started for the tests.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is needed for the tests on PostgreSQL and is not installed." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y postgresql" >&2
exit 1
