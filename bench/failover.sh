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

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_FLAGS:-} -Pbench -pl app,lab,bench -am package -DskipTests >&2
fi

ns_file=$(mktemp /tmp/kubevip-failbench-ns.XXXXXX)
java_pid=""
cleanup() {
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    kill "$java_pid" 2>/dev/null || true   # SIGTERM: its shutdown hook stops the daemons and deletes namespaces
    wait "$java_pid" 2>/dev/null || true
  fi
  while read -r ns; do
    [ -n "$ns" ] || continue
    case "$ns" in kl????-*) ;; *) continue ;; esac   # only the lab's own names
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
      kill -9 "$pid" 2>/dev/null || true
    done
    ip netns del "$ns" 2>/dev/null || true
  done < "$ns_file"
  rm -f "$ns_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "failover.sh: load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
# shellcheck disable=SC2086
"${JAVA:-java}" ${JAVA_OPTS:-} -Dkubevip.lab.jar=lab/target/kubevip-lab.jar \
  -cp bench/target/benchmarks.jar io.kubevip.bench.failover.FailoverBench \
  --namespaces-file "$ns_file" --kubevip-jar app/target/kubevip.jar "$@" &
java_pid=$!
wait "$java_pid"
