#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# LoadBalancer Services at scale (issue #5): N Services created against the lab's mock API with three Services-only
# `kubevip manager` processes (one per node namespace, the manifests' JVM options), measuring create -> announced
# (the address appearing on a node's interface, seen by `ip monitor address` per node), election API writes per
# second in a quiet window after the burst (from the API's request log), the reconcile-duration histogram from each
# node's /metrics, and the RSS of each node's JVM. Builds app/, lab/ and bench/, then runs
# io.kubevip.bench.services.ServicesScaleBench as root. Everything lives in namespaces named kl<4 hex>-<role> (veth
# pairs created inside the bridge namespaces, never in the root namespace); the program deletes them on exit and the
# trap below is a backstop that deletes exactly the namespaces the program reported (and kills what still runs in
# them), also on Ctrl-C or a crash.
#
# Usage: bench/services-scale.sh N [--rate PER_SECOND] [--svc-election true|false] [--window SECONDS]
#        [--timings lease,renew,retry]   (ms; default kube-vip's 15000,10000,2000)
#        [--pool CIDR]                   (inside 10.99.0.0/16, off 10.99.0.0/24; default 10.99.64.0/18)
#        [--timeout SECONDS]             (for all announced and all recorded, from the first POST; 120 + N/10)
#        [--extra-jvm-options "OPTS"] [--extra-env K=V,...]   (experiments: after the manifests' JVM options)
#        [--precreate]                   (Services before the managers: memory and passes at N, no latencies)
#   Without --rate, Services are created one after the other from one client thread, as fast as the API answers.
# Env:   MVN_FLAGS (e.g. "-o" for an offline build), SKIP_BUILD=1, JAVA (default: java), JAVA_OPTS.
# Output: progress on stderr, one JSON summary line on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "services-scale.sh: needs root to create network namespaces" >&2
  exit 2
fi

# shellcheck source=lib/lab-bench.sh
. bench/lib/lab-bench.sh
lab_bench_run services-scale.sh io.kubevip.bench.services.ServicesScaleBench "$@"
