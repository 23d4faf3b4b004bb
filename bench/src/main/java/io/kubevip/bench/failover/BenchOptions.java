// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line choices of the failover bench. */
record BenchOptions(int runs, int defaultCrashRuns, int partitionRuns, Set<String> cases, Timings tuned,
    Path kubevipJar, Path workDir, Path namespacesFile) {
  static final List<String> CASES = List.of("kubevip-tuned-crash", "kubevip-tuned-sigterm",
      "kubevip-tuned-partition", "kubevip-default-sigterm", "kubevip-default-crash", "keepalived-crash",
      "keepalived-sigterm");
  static final String USAGE = "usage: failover.sh [--runs N] [--default-crash-runs N] [--partition-runs N]"
      + " [--cases a,b,...] [--tuned lease,renew,retry (ms)]\n  cases: " + String.join(",", CASES);

  /** True for a case name, or for a prefix such as "kubevip-tuned" that some selected case starts with. */
  boolean wants(String name) {
    return cases.stream().anyMatch(c -> c.equals(name) || c.startsWith(name + "-"));
  }

  static BenchOptions parse(String[] args) {
    int runs = 20;
    Integer defaultCrash = null;
    int partition = 5;
    Set<String> cases = new LinkedHashSet<>(CASES);
    Timings tuned = Timings.parse("1000,700,200");
    Path jar = Path.of("app/target/kubevip.jar");
    Path work = Path.of("/tmp/kubevip-failbench");
    Path nsFile = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String value;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(key + " needs a value");
      }
      switch (key) {
        case "--runs" -> runs = positive(key, value);
        case "--default-crash-runs" -> defaultCrash = positive(key, value);
        case "--partition-runs" -> partition = positive(key, value);
        case "--tuned" -> tuned = Timings.parse(value);
        case "--kubevip-jar" -> jar = Path.of(value);
        case "--work-dir" -> work = Path.of(value);
        case "--namespaces-file" -> nsFile = Path.of(value);
        case "--cases" -> {
          cases = new LinkedHashSet<>();
          for (String c : value.split("[,\\s]+")) {
            if (c.isBlank()) {
              continue;
            }
            if (CASES.stream().noneMatch(x -> x.equals(c) || x.startsWith(c + "-"))) {
              throw new IllegalArgumentException("--cases: unknown case '" + c + "'; expected some of "
                  + String.join(",", CASES) + " (or a prefix such as keepalived)");
            }
            for (String x : CASES) {
              if (x.equals(c) || x.startsWith(c + "-")) {
                cases.add(x);
              }
            }
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + key);
      }
    }
    if (!jar.toFile().isFile()) {
      throw new IllegalArgumentException("--kubevip-jar " + jar + " not found; build it with "
          + "./mvnw -B -q -DskipTests -pl app -am package");
    }
    return new BenchOptions(runs, defaultCrash == null ? Math.min(runs, 8) : defaultCrash, partition, cases,
        tuned, jar, work, nsFile);
  }

  private static int positive(String key, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(key + " expects a whole number > 0, was '" + value + "'");
  }
}
