#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Control-plane failover from the client's view: kubevip (tuned timings and kube-vip's defaults) and keepalived
# (VRRP, default timers) side by side in one lab topology (3 nodes, a client, the API on a management LAN) and
# one run. Builds app/, lab/ and bench/, then runs io.kubevip.bench.failover.FailoverBench as root. Everything
# lives in namespaces named kl<4 hex>-<role> (veth pairs created inside the bridge namespaces, never in the
# root namespace); the program deletes them on exit and the trap below is a backstop that deletes exactly the
# namespaces the program reported (and kills what still runs in them), also on Ctrl-C or a crash.
#
# Usage: bench/failover.sh [--runs N] [--cases a,b,...] [--default-crash-runs N] [--partition-runs N]
#        [--tuned lease,renew,retry]   (ms; default 1000,700,200)
#   cases: kubevip-tuned-crash kubevip-tuned-sigterm kubevip-tuned-partition kubevip-default-sigterm
#          kubevip-default-crash keepalived-crash keepalived-sigterm (a prefix such as "keepalived" selects all
#          of its cases)
# Env:   MVN_FLAGS (e.g. "-o" for an offline build), SKIP_BUILD=1, JAVA (default: java), JAVA_OPTS.
# Output: progress on stderr, one JSON summary line on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "failover.sh: needs root to create network namespaces" >&2
  exit 2
fi
if ! command -v keepalived >/dev/null; then
  echo "failover.sh: keepalived not found (Debian: apt-get install keepalived); or leave it out with --cases" >&2
fi

# shellcheck source=lib/lab-bench.sh
. bench/lib/lab-bench.sh
lab_bench_run failover.sh io.kubevip.bench.failover.FailoverBench "$@"
