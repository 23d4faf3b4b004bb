#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Linux-layer latencies: address add + first GARP on the wire (n1 -> client) and a netlink dump of a
# 1,000-route table. Builds bench/, then runs io.kubevip.bench.linux.LinuxLayerBench as root. The
# program builds its own namespace LAN with the testkit Topology (bridge in a "lan" namespace, veth
# pairs created inside it, never in the root namespace) and deletes it on exit; the trap below is a
# backstop that deletes exactly the namespaces the program reported, also on Ctrl-C or a crash.
#
# Usage: bench/linux-layer.sh [--garp-runs=300] [--garp-warmup=50] [--routes=1000] [--dump-runs=500]
#        [--dump-warmup=50]
# Env:   MVN_FLAGS (e.g. "-o" for an offline build), SKIP_BUILD=1, JAVA (default: java), JAVA_OPTS.
# Output: progress on stderr, one JSON summary line on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "linux-layer.sh: needs root to create network namespaces" >&2
  exit 2
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_FLAGS:-} -Pbench -pl bench -am package -DskipTests >&2
fi

ns_file=$(mktemp /tmp/kubevip-bench-ns.XXXXXX)
java_pid=""
cleanup() {
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    kill "$java_pid" 2>/dev/null || true
    wait "$java_pid" 2>/dev/null || true
  fi
  while read -r ns; do
    [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null || true
  done < "$ns_file"
  rm -f "$ns_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
"${JAVA:-java}" -Xshare:auto ${JAVA_OPTS:-} -cp bench/target/benchmarks.jar io.kubevip.bench.linux.LinuxLayerBench \
  --namespaces-file="$ns_file" "$@" &
java_pid=$!
wait "$java_pid"
