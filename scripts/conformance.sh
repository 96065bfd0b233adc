#!/usr/bin/env bash
# The main job: the conformance features against an implementation (default: the reference flanneld
# built from this repository), on network namespaces, with the report. Runs as root.
#   bash scripts/conformance.sh                                   # judge the reference implementation
#   bash scripts/conformance.sh -Dflannel.impl=/abs/path/flanneld  # judge another one
#   bash scripts/conformance.sh -Dcucumber.filter.tags=@vxlan      # a selection
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Unit tests and the other modules' integration tests are the test command's job, not this one's.
# --fail-at-end: when scenarios fail, the reports module still makes the site that shows why.
exec mvn -B -ntp verify --fail-at-end -pl reference-impl,features,reports -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConformanceFeatures -Dfailsafe.failIfNoSpecifiedTests=false "$@"
