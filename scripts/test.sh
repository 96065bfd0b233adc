#!/usr/bin/env bash
# The tests: installs what they need, then the whole Maven build with unit and integration tests.
# Integration tests build network namespaces, so this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Everything on network namespaces (the default driver), Docker's own integration tests included.
mvn -B -ntp verify -Dflannel.docker.required=true "$@"

# The features again, unchanged, on Docker containers; their reports beside the first run's.
echo "test: the features on the Docker driver"
exec mvn -B -ntp verify -pl reference-impl,features -am -Dflannel.topology=docker \
  -Dflannel.reports.dir="$PWD/reports/target/cucumber-docker" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConformanceFeatures -Dfailsafe.failIfNoSpecifiedTests=false "$@"
