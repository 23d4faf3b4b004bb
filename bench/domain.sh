#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Foundation benchmarks (JMH, one thread): allocate 10,000 Services from a /16; place 10,000 VIPs over 100 nodes.
# Target: each median under 50 ms. Prints one JSON line per benchmark: name, p50/p99 in ms, samples.
# Usage: bench/domain.sh [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench -pl bench -am package -DskipTests
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -jar bench/target/benchmarks.jar 'io.kubevip.bench.domain' -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log"
python3 - "$out/jmh.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1])):
    p = b["primaryMetric"]["scorePercentiles"]
    print(json.dumps({"benchmark": b["benchmark"].rsplit(".", 1)[-1], "unit": b["primaryMetric"]["scoreUnit"],
                      "p50": round(p["50.0"], 3), "p99": round(p["99.0"], 3), "max": round(p["100.0"], 3),
                      "jdk": b["jdkVersion"], "threads": b["threads"]}))
PY
