// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import io.kubevip.testkit.netns.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linux-layer latencies in a throw-away namespace LAN (testkit {@link Topology}: lan bridge, n1,
 * client): address add + first GARP on the wire, and a netlink dump of a 1,000-route table. Prints
 * progress to stderr and one JSON summary line to stdout. Run it through {@code bench/linux-layer.sh}.
 *
 * <p>Options ({@code --name=value}): garp-runs (300), garp-warmup (50), routes (1000), dump-runs (500),
 * dump-warmup (50), namespaces-file (where to write the namespace names, for the script's cleanup);
 * flag {@code --tcpdump} adds tcpdump's kernel receive stamps in the client as a cross-check.
 */
public final class LinuxLayerBench {
  private static final Map<String, Integer> DEFAULTS = Map.of(
      "garp-runs", 300, "garp-warmup", 50, "routes", 1000, "dump-runs", 500, "dump-warmup", 50);

  private LinuxLayerBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, Integer> opts = new HashMap<>(DEFAULTS);
    Path namespacesFile = null;
    boolean tcpdump = false;
    for (String a : args) {
      int eq = a.indexOf('=');
      String name = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : null;
      if (a.equals("--tcpdump")) {
        tcpdump = true;
      } else if ("namespaces-file".equals(name)) {
        namespacesFile = Path.of(a.substring(eq + 1));
      } else if (name != null && DEFAULTS.containsKey(name)) {
        opts.put(name, positive(name, a.substring(eq + 1)));
      } else {
        usage("unknown argument '" + a + "'; expected --name=value with name one of "
            + DEFAULTS.keySet() + " or namespaces-file, or --tcpdump");
      }
    }
    if (!isRoot()) {
      usage("needs root (CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_ADMIN) to create network namespaces");
    }
    // every change below happens in our namespaces; refuse any that would reach the root namespace
    System.setProperty("kubevip.refuseRootNamespace", "true");

    try (Topology t = Topology.build(1, true)) {
      if (namespacesFile != null) {
        Files.write(namespacesFile, t.roles().stream().map(t::ns).toList());
      }
      System.err.println("namespaces: " + t.roles().stream().map(t::ns).toList());
      System.err.println("GARP: " + opts.get("garp-warmup") + " warm-up + " + opts.get("garp-runs") + " runs");
      GarpLatency.Result garp;
      try (WireCapture capture = tcpdump ? WireCapture.start(t.ns(Topology.CLIENT), GarpLatency.VIP) : null) {
        garp = GarpLatency.measure(t.namespace("n1"), t.namespace(Topology.CLIENT),
            opts.get("garp-warmup"), opts.get("garp-runs"), capture);
      }
      System.err.println("route dump: installing " + opts.get("routes") + " routes, "
          + opts.get("dump-warmup") + " warm-up + " + opts.get("dump-runs") + " dumps");
      RouteDump.Result dump = RouteDump.measure(t.namespace("n1"), opts.get("routes"),
          opts.get("dump-warmup"), opts.get("dump-runs"));
      System.out.println(json(garp, dump, opts));
      if (garp.lost() > 0) {
        System.err.println(garp.lost() + " GARP frames were not seen within 1 s");
        System.exit(1);
      }
    }
  }

  private static String json(GarpLatency.Result garp, RouteDump.Result dump, Map<String, Integer> opts)
      throws IOException {
    return String.format(Locale.ROOT,
        "{\"bench\":\"linux-layer\",\"machine\":{\"kernel\":\"%s\",\"cpus\":%d,\"cpu\":\"%s\",\"loadavg\":\"%s\",\"java\":\"%s\"},"
            + "\"garp\":{\"runs\":%d,\"warmup\":%d,\"lost\":%d,%s,%s,%s,%s},"
            + "\"route_dump\":{\"routes\":%d,\"runs\":%d,\"warmup\":%d,\"install_ms\":%.1f,%s,%s,%s}}",
        System.getProperty("os.version"), Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage(),
        Runtime.version(), garp.wire().size(), opts.get("garp-warmup"), garp.lost(), garp.wire().json(""),
        garp.addCall().json("add_call_"),
        garp.kernelStamp() == null ? "\"tcpdump_p50_ms\":null" : garp.kernelStamp().json("tcpdump_"),
        garp.gc().json(), opts.get("routes"), dump.dump().size(), opts.get("dump-warmup"),
        dump.installNanos() / 1e6, dump.dump().json(""), dump.dumpCpu().json("cpu_"), dump.gc().json());
  }

  private static int positive(String name, String value) {
    try {
      int v = Integer.parseInt(value);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    usage("--" + name + " must be a positive integer, was '" + value + "'");
    return 0;
  }

  private static void usage(String problem) {
    System.err.println("linux-layer bench: " + problem);
    System.exit(2);
  }

  private static boolean isRoot() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Uid:")) {
        return line.split("\\s+")[2].equals("0");
      }
    }
    return false;
  }

  /** The 1/5/15-minute load averages: other work on the machine shows up in the tails. */
  private static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static String cpuModel() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
    return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip().replace("\"", "'")).orElse("unknown");
  }
}
