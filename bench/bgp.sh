#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# BGP latencies against BIRD 2 in namespaces: (a) advertise one /32 -> in BIRD's kernel FIB (and withdraw -> gone),
# p50/p99 over many cycles; (b) 10,000 /32s -> all in BIRD's routing table (RIB) and all in the FIB, our speaker and
# GoBGP (gobgp mrt inject global) in turns. The FIB is observed with a long-lived `ip -n <router> monitor route`; the
# RIB has no event stream and is polled over BIRD's control socket (`show route ... count`, every 2 ms, one
# connection). Also reports when our last UPDATE was written to the socket. Builds bench/, then runs
# io.kubevip.bench.bgp.BgpBench as root. The program builds its own namespace LAN with the testkit Topology and
# deletes it on exit; the trap below deletes exactly the namespaces it reported, also on Ctrl-C or a crash.
# Never part of verify.
#
# Usage: bench/bgp.sh [--cycles=200] [--warmup=20] [--prefixes=10000] [--bulk-runs=3]
# Env:   MVN_FLAGS (e.g. "-o"), SKIP_BUILD=1, JAVA (default: java), JAVA_OPTS.
# Needs: bird2 (bird, birdc), gobgpd (gobgp, gobgpd), iproute2.
# Output: progress on stderr, one JSON summary line on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "bgp.sh: needs root to create network namespaces" >&2
  exit 2
fi
for tool in bird birdc gobgp gobgpd ip; do
  command -v "$tool" >/dev/null || { echo "bgp.sh: $tool not found (apt-get install bird2 gobgpd iproute2)" >&2; exit 2; }
done

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
    if [ -n "$ns" ]; then
      # processes started in the namespace (bird, gobgpd, ip monitor) end with it
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
      ip netns del "$ns" 2>/dev/null || true
    fi
  done < "$ns_file"
  rm -f "$ns_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
"${JAVA:-java}" -Xshare:auto --enable-native-access=ALL-UNNAMED -Dkubevip.refuseRootNamespace=true ${JAVA_OPTS:-} \
  -cp bench/target/benchmarks.jar io.kubevip.bench.bgp.BgpBench --namespaces-file="$ns_file" "$@" &
java_pid=$!
wait "$java_pid"
