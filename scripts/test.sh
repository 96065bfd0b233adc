#!/usr/bin/env bash
# The tests: installs what they need, then the whole Maven build with unit and integration tests.
# Integration tests build network namespaces, so this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec mvn -B -ntp verify "$@"
