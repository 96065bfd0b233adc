#!/usr/bin/env bash
# The benchmark: flanneld implementations timed side by side on network namespaces (cold start, convergence,
# a lease storm, churn, cost per agent), then the table, reports/target/bench/bench.json and the living
# documentation's performance page (reports/target/site/performance.html).
#   bash scripts/bench.sh --quick                 # N=5, short phases: to try it (about 2 min)
#   bash scripts/bench.sh --n 10,25,50 --backends vxlan
#   bash scripts/bench.sh --impl mine=/abs/path/to/flanneld --impl reference=/abs/.../reference-impl/target/flanneld
# Without --impl: the reference flanneld built here and Flannel's own (scripts/upstream-flanneld.sh).
# Other options: --backends vxlan,host-gw,udp  --n 10,25,50 (100 too)  --repeats 5  --churn-seconds 30
#   --churn-rate 10  --idle-seconds 60  --out FILE. Needs root (network namespaces), as the features do.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn_opts=(-B -ntp -q)
[[ "${BENCH_OFFLINE:-}" == "true" ]] && mvn_opts+=(-o)

echo "bench: building the harness, the reference flanneld and the reports (mvn package, no tests)" >&2
mvn "${mvn_opts[@]}" -DskipTests package dependency:build-classpath -pl step-defs,reference-impl,reports -am \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime

impls=()
if ! printf '%s\n' "$@" | grep -qx -- '--impl'; then
  impls+=(--impl "reference=$PWD/reference-impl/target/flanneld")
  impls+=(--impl "flannel=$(bash scripts/upstream-flanneld.sh)")
fi

out="reports/target/bench/bench.json"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[$i]}" == "--out" ]] && out="${args[$((i + 1))]}"
done

java -cp "step-defs/target/classes:$(cat step-defs/target/bench.classpath)" \
  org.flannel.harness.bench.Bench "${impls[@]}" "$@"

# The page from the bench JSON alone (no feature run needed); linked from the site when the site exists.
java -cp "reports/target/classes:$(cat reports/target/bench.classpath)" \
  org.flannel.harness.reports.pages.PerformancePageWriter "$out" reports/target/site
