#!/usr/bin/env bash
# The tests: installs what they need, then the whole Maven build with unit and integration tests.
# Integration tests build network namespaces, so this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Everything on network namespaces (the default driver), Docker's own integration tests and the living
# documentation's browser test included. --fail-at-end: a failing module does not stop the others (the
# reports module still documents a failed run).
mvn -B -ntp verify --fail-at-end -Dflannel.docker.required=true -Dflannel.chromium.required=true "$@"

features_only=(-pl reference-impl,features -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
  -Dit.test=ConformanceFeatures -Dfailsafe.failIfNoSpecifiedTests=false)

# The features again, unchanged, on Docker containers; their reports beside the first run's. Not the
# @scale ones: 21 containers per scenario make them many minutes on Docker, and what they judge (the
# agents at N nodes) does not depend on the driver; they run on namespaces above and for Flannel below.
echo "test: the features on the Docker driver (all but @scale)"
mvn -B -ntp verify "${features_only[@]}" -Dflannel.topology=docker '-Dcucumber.filter.tags=not @scale' \
  -Dflannel.reports.dir="$PWD/reports/target/cucumber-docker" "$@"

# Flannel's own flanneld, built from the Go module proxy, judged by the same features (mixed clusters
# with the reference included): the requirements must hold for Flannel itself.
echo "test: Flannel's own flanneld"
upstream="$(bash scripts/upstream-flanneld.sh)"
mvn -B -ntp verify "${features_only[@]}" -Dflannel.impl="$upstream" \
  -Dflannel.reports.dir="$PWD/reports/target/cucumber-flannel" "$@"

# The faults depend on the driver (etcd stopped in a container, a signal through docker exec, a node's
# devices deleted in its container): Flannel's flanneld is judged by them on Docker too.
echo "test: Flannel's own flanneld, the faults on Docker"
exec mvn -B -ntp verify "${features_only[@]}" -Dflannel.impl="$upstream" -Dflannel.topology=docker \
  '-Dcucumber.filter.tags=@faults' -Dflannel.reports.dir="$PWD/reports/target/cucumber-flannel-docker" "$@"
