#!/usr/bin/env bash
# The tests: installs what they need, then the whole Maven build with unit and integration tests.
# Integration tests build network namespaces, so this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# --fail-at-end: a failing module does not stop the others (the reports module still documents a failed run).
exec mvn -B -ntp verify --fail-at-end "$@"
