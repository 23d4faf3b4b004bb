// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line choices of the Services-at-scale bench. The pool must stay inside the lab's 10.99.0.0/16 and off the
 * data LAN's own 10.99.0.0/24, so every address the nodes add belongs to the lab and to nothing else.
 */
record ScaleOptions(int count, double rate, boolean precreate, boolean serviceElection, Duration window,
    Duration timeout, Duration lease, Duration renew, Duration retry, String pool, List<String> extraJvmOptions,
    Map<String, String> extraEnvironment, Path kubevipJar, Path workDir, Path namespacesFile) {
  static final String USAGE = "usage: services-scale.sh N [--rate PER_SECOND] [--svc-election true|false]"
      + " [--window SECONDS] [--timeout SECONDS (to wait for all announced)] [--timings lease,renew,retry (ms)]"
      + " [--pool CIDR inside 10.99.0.0/16] [--extra-jvm-options 'OPTS' (after the manifests' options)]"
      + " [--extra-env K=V,... (the managers' environment)] [--precreate (Services before managers; memory only)]";

  /** Creating as fast as one client thread can: no pacing. */
  boolean unpaced() {
    return rate <= 0;
  }

  /** The default pool, a /18, holds 16,382 usable addresses: enough for N = 10,000 and the warm-up Service. */
  static ScaleOptions parse(String[] args) {
    Integer count = null;
    double rate = 0;
    boolean election = false;
    boolean precreate = false;
    Duration window = Duration.ofSeconds(30);
    Duration timeout = null;
    Duration[] timings = timings("15000,10000,2000");
    String pool = "10.99.64.0/18";
    Path jar = Path.of("app/target/kubevip.jar");
    Path work = Path.of("/tmp/kubevip-svcbench");
    Path nsFile = null;
    List<String> extra = List.of();
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--precreate")) {
        precreate = true;
        continue;
      }
      if (!a.startsWith("--")) {
        if (count != null) {
          throw new IllegalArgumentException("N given twice: '" + count + "' and '" + a + "'");
        }
        count = positive("N", a);
        continue;
      }
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
        case "--rate" -> rate = rate(value);
        case "--svc-election" -> election = bool(key, value);
        case "--window" -> window = Duration.ofSeconds(positive(key, value));
        case "--timeout" -> timeout = Duration.ofSeconds(positive(key, value));
        case "--timings" -> timings = timings(value);
        case "--pool" -> pool = pool(value);
        case "--extra-env" -> env = environment(value);
        case "--extra-jvm-options" -> extra = value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
        case "--kubevip-jar" -> jar = Path.of(value);
        case "--work-dir" -> work = Path.of(value);
        case "--namespaces-file" -> nsFile = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + key);
      }
    }
    if (count == null) {
      throw new IllegalArgumentException("N (the number of Services) is missing");
    }
    long size = 1L << (32 - Integer.parseInt(pool.substring(pool.indexOf('/') + 1)));
    if (size - 2 < count + 1L) {
      throw new IllegalArgumentException("--pool " + pool + " holds " + (size - 2) + " addresses; " + (count + 1)
          + " needed (N plus one warm-up Service)");
    }
    if (!jar.toFile().isFile()) {
      throw new IllegalArgumentException("--kubevip-jar " + jar + " not found; build it with "
          + "./mvnw -B -q -DskipTests -pl app -am package");
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(120).plusMillis(100L * count);
    }
    return new ScaleOptions(count, rate, precreate, election, window, timeout, timings[0], timings[1], timings[2], pool,
        extra, env, jar, work, nsFile);
  }

  private static Map<String, String> environment(String value) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String kv : value.split(",")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--extra-env expects NAME=value[,NAME=value...], was '" + value + "'");
      }
      env.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
    }
    return env;
  }

  private static double rate(String value) {
    try {
      double r = Double.parseDouble(value);
      if (r > 0) {
        return r;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("--rate expects Services per second > 0, was '" + value + "'");
  }

  private static boolean bool(String key, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " expects true or false, was '" + value + "'");
  }

  private static Duration[] timings(String value) {
    String[] f = value.split(",");
    if (f.length != 3) {
      throw new IllegalArgumentException("--timings expects lease,renew,retry in ms (e.g. 15000,10000,2000), was '"
          + value + "'");
    }
    long lease = positive("--timings lease", f[0].strip());
    long renew = positive("--timings renew", f[1].strip());
    long retry = positive("--timings retry", f[2].strip());
    if (!(retry < renew && renew < lease)) {
      throw new IllegalArgumentException("--timings expects retry < renew < lease, was '" + value + "'");
    }
    return new Duration[] {Duration.ofMillis(lease), Duration.ofMillis(renew), Duration.ofMillis(retry)};
  }

  /** A CIDR inside 10.99.0.0/16 that leaves the data LAN 10.99.0.0/24 alone. */
  static String pool(String value) {
    String expected = "expected a CIDR inside 10.99.0.0/16 not overlapping 10.99.0.0/24, e.g. 10.99.64.0/18";
    String[] f = value.split("/");
    if (f.length != 2) {
      throw new IllegalArgumentException("--pool '" + value + "': " + expected);
    }
    int prefix;
    long network;
    try {
      prefix = Integer.parseInt(f[1]);
      network = Pool4.toLong(f[0]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--pool '" + value + "': " + expected);
    }
    long lab = Pool4.toLong("10.99.0.0");
    long lan = Pool4.toLong("10.99.0.0");
    long size = prefix >= 16 && prefix <= 30 ? 1L << (32 - prefix) : 0;
    boolean inside = size > 0 && network % size == 0 && network >= lab && network + size <= lab + 65536;
    boolean clearOfLan = network >= lan + 256 || network + size <= lan;
    if (!inside || !clearOfLan) {
      throw new IllegalArgumentException("--pool '" + value + "': " + expected);
    }
    return value;
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
