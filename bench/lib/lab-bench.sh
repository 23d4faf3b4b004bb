# SPDX-License-Identifier: Apache-2.0
#
# Sourced by the benches that run real managers in a lab topology (failover.sh, services-scale.sh): builds the jars
# unless SKIP_BUILD=1, runs the bench program as a child, and on any exit (also Ctrl-C or a crash of the JVM)
# stops it and deletes exactly the namespaces it reported — and only names of the lab's own shape.
#
# Usage (from the repository root, as root): lab_bench_run NAME MAIN_CLASS [bench arguments...]

lab_bench_run() {
  local name=$1 main=$2
  shift 2
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MVN_FLAGS:-} -Pbench -pl app,lab,bench -am package -DskipTests >&2
  fi

  lab_bench_ns_file=$(mktemp "/tmp/kubevip-$name-ns.XXXXXX")
  lab_bench_java_pid=""
  trap lab_bench_cleanup EXIT
  trap 'exit 130' INT TERM

  echo "$name: load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
  # shellcheck disable=SC2086
  "${JAVA:-java}" ${JAVA_OPTS:-} -Dkubevip.lab.jar=lab/target/kubevip-lab.jar \
    -cp bench/target/benchmarks.jar "$main" \
    --namespaces-file "$lab_bench_ns_file" --kubevip-jar app/target/kubevip.jar "$@" &
  lab_bench_java_pid=$!
  wait "$lab_bench_java_pid"
}

lab_bench_cleanup() {
  if [ -n "$lab_bench_java_pid" ] && kill -0 "$lab_bench_java_pid" 2>/dev/null; then
    kill "$lab_bench_java_pid" 2>/dev/null || true   # SIGTERM: its shutdown hook stops the daemons, deletes namespaces
    wait "$lab_bench_java_pid" 2>/dev/null || true
  fi
  while read -r ns; do
    [ -n "$ns" ] || continue
    case "$ns" in kl????-*) ;; *) continue ;; esac   # only the lab's own names
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
      kill -9 "$pid" 2>/dev/null || true
    done
    ip netns del "$ns" 2>/dev/null || true
  done < "$lab_bench_ns_file"
  rm -f "$lab_bench_ns_file"
}
