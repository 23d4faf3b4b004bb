// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.bgp;

import io.kubevip.adapter.bgp.BgpPeerConfig;
import io.kubevip.adapter.bgp.BgpSpeaker;
import io.kubevip.adapter.bgp.BgpSpeakerConfig;
import io.kubevip.adapter.bgp.SessionState;
import io.kubevip.adapter.bgp.TransportOpener;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.linux.NetNamespace;
import io.kubevip.testkit.netns.Shell;
import io.kubevip.testkit.netns.Topology;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * BGP latencies in a throw-away namespace LAN: BIRD 2 is the router ({@code client}, 10.99.0.100, AS 65000), our
 * speaker runs in n1 (AS 65001), GoBGP in n2 (AS 65002). All observation is a long-lived
 * {@code ip -n client monitor route}: (a) advertise one /32 until it is in BIRD's kernel FIB, and withdraw until it
 * is gone, over many cycles; (b) 10,000 /32s until all are in BIRD's routing table (RIB, polled over its control
 * socket, see {@link BirdRib}) and until all are in the FIB, from our speaker and from GoBGP
 * ({@code gobgp mrt inject global}) in turns, same prefixes, same router, same path to the FIB. Prints progress on
 * stderr and one JSON line on stdout. Run it through {@code bench/bgp.sh}.
 */
public final class BgpBench {
  private static final Map<String, Integer> DEFAULTS = Map.of("cycles", 200, "warmup", 20, "prefixes", 10_000,
      "bulk-runs", 3);
  private static final String ROUTER = Topology.CLIENT;
  private static final String VIP = "10.99.200.1";
  /** Extra routes after the timed ones in GoBGP's MRT file (its CLI drops the tail of the stream). */
  private static final int GOBGP_PADDING = 2_000;
  /** Second octet of the timed prefixes (10.100.0.1 ...) and of GoBGP's padding (10.120.0.1 ...). */
  private static final int TIMED_BASE = 100;
  private static final int PADDING_BASE = 120;
  /** BIRD selects the timed prefixes only: the padding lies outside. */
  private static final String TIMED_RANGE = "where net ~ 10.100.0.0/14";
  /** The transport of our session, to stamp the last UPDATE written. */
  private static volatile StampingTransport ourTransport;

  private BgpBench() {}

  /** For error messages only: how many BIRD routes the router's FIB has now. */
  static java.util.function.IntSupplier fibCount = () -> -1;

  public static void main(String[] args) throws Exception {
    Map<String, Integer> opts = new HashMap<>(DEFAULTS);
    Path namespacesFile = null;
    for (String a : args) {
      int eq = a.indexOf('=');
      String name = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : null;
      if ("namespaces-file".equals(name)) {
        namespacesFile = Path.of(a.substring(eq + 1));
      } else if (name != null && DEFAULTS.containsKey(name)) {
        opts.put(name, Integer.parseInt(a.substring(eq + 1)));
      } else {
        System.err.println("bgp bench: unknown argument '" + a + "'; expected --name=value with name one of "
            + DEFAULTS.keySet() + " or namespaces-file");
        System.exit(2);
      }
    }
    // everything below happens in our namespaces; the speaker refuses to dial with an unbound socket
    System.setProperty("kubevip.refuseRootNamespace", "true");
    Path dir = Files.createTempDirectory("kubevip-bgp-bench");
    try (Topology t = Topology.build(2, true)) {
      if (namespacesFile != null) {
        Files.write(namespacesFile, t.roles().stream().map(t::ns).toList());
      }
      System.err.println("namespaces: " + t.roles().stream().map(t::ns).toList());
      Process bird = startBird(t, dir);
      fibCount = () -> (int) t.ip(ROUTER, "-4", "route", "show", "proto", "bird").stdout().lines().count();
      fibRoutes = () -> t.ipJson(ROUTER, "-4", "route", "show", "proto", "bird");
      Process gobgpd = startGobgpd(t, dir);
      try (RouteMonitor monitor = new RouteMonitor(t.ns(ROUTER));
          BgpSpeaker speaker = speaker(t)) {
        ExecutorService poller = Executors.newSingleThreadExecutor(r -> {
          Thread th = new Thread(r, "bird-rib-poller");
          th.setDaemon(true);
          return th;
        });
        waitUntil(() -> speaker.status().get(0).state() == SessionState.ESTABLISHED, 30_000, "our session");
        waitUntil(() -> birdc(dir, "show protocols kvn2").stdout().contains("Established"), 30_000, "GoBGP session");
        Samples announce = new Samples();
        Samples withdraw = new Samples();
        int cycles = opts.get("cycles");
        int warmup = opts.get("warmup");
        System.err.println("announce/withdraw: " + warmup + " warm-up + " + cycles + " cycles");
        Set<VipAddress> one = Set.of(VipAddress.parse(VIP));
        for (int i = 0; i < warmup + cycles; i++) {
          monitor.drain();
          long t0 = System.nanoTime();
          speaker.advertise(one);
          long added = await(monitor, true, Set.of(VIP), 5_000);
          long t1 = System.nanoTime();
          speaker.withdraw(one);
          long removed = await(monitor, false, Set.of(VIP), 5_000);
          if (i >= warmup) {
            announce.add(added - t0);
            withdraw.add(removed - t1);
          }
        }
        int n = opts.get("prefixes");
        if (n > 0x3ffff) {
          throw new IllegalArgumentException("--prefixes must be at most " + 0x3ffff + " (10.100.0.0/14)");
        }
        List<Inet4Address> prefixes = prefixes(n, TIMED_BASE);
        Set<String> texts = new HashSet<>(prefixes.stream().map(InetAddress::getHostAddress).toList());
        Set<VipAddress> vips = new LinkedHashSet<>(prefixes.stream().map(a -> VipAddress.parse(a.getHostAddress()))
            .toList());
        Path mrt = dir.resolve("prefixes.mrt");
        // gobgp's CLI returns before its gRPC stream is drained and drops up to a few hundred routes from the end
        // of the file; routes after the timed ones make sure every timed route reaches GoBGP (see docs/benchmarks.md)
        List<Inet4Address> padded = new ArrayList<>(prefixes);
        padded.addAll(prefixes(GOBGP_PADDING, PADDING_BASE));
        MrtFile.write(mrt, padded, (Inet4Address) InetAddress.getByName(t.ipv4("n2")), 65002);
        Samples ours = new Samples();
        Samples gobgp = new Samples();
        Samples gobgpCli = new Samples();
        Samples oursRib = new Samples();
        Samples gobgpRib = new Samples();
        Samples oursWritten = new Samples();
        for (int run = 0; run < opts.get("bulk-runs"); run++) {
          monitor.drain();
          Future<Long> rib = poller.submit(() -> ribAt(dir, "kvn1", n));
          long t0 = System.nanoTime();
          speaker.advertise(vips);
          ours.add(await(monitor, true, texts, 60_000) - t0);
          oursRib.add(rib.get(60, TimeUnit.SECONDS) - t0);
          oursWritten.add(ourTransport.lastWrite() - t0);
          speaker.withdraw(vips);
          await(monitor, false, texts, 60_000);
          System.err.printf(Locale.ROOT, "bulk run %d: ours RIB %.1f ms, FIB %.1f ms (last UPDATE written after"
              + " %.1f ms)%n", run + 1, oursRib.last() / 1e6, ours.last() / 1e6, oursWritten.last() / 1e6);

          monitor.drain();
          rib = poller.submit(() -> ribAt(dir, "kvn2", n));
          t0 = System.nanoTime();
          Shell.Result r = gobgp(t, "mrt", "inject", "global", mrt.toString());
          long cli = System.nanoTime() - t0;
          r.requireSuccess();
          gobgp.add(await(monitor, true, texts, 60_000) - t0);
          gobgpRib.add(rib.get(60, TimeUnit.SECONDS) - t0);
          gobgpCli.add(cli);
          gobgp(t, "global", "rib", "-a", "ipv4", "del", "all").requireSuccess();
          await(monitor, false, texts, 60_000);
          waitUntil(() -> fibCount.getAsInt() == 0, 60_000, "padding withdrawn");
          monitor.drain();
          System.err.printf(Locale.ROOT, "bulk run %d: gobgp RIB %.1f ms, FIB %.1f ms (cli returned after %.1f ms)%n",
              run + 1, gobgpRib.last() / 1e6, gobgp.last() / 1e6, cli / 1e6);
        }
        poller.shutdownNow();
        System.out.println(json(opts, announce, withdraw, ours, gobgp, gobgpCli, oursRib, gobgpRib, oursWritten));
      } finally {
        stop(gobgpd);
        stop(bird);
      }
    }
  }

  /** When BIRD's table first held all {@code n} timed routes from {@code protocol}; polled, see {@link BirdRib}. */
  private static long ribAt(Path dir, String protocol, int n) throws IOException {
    try (BirdRib rib = new BirdRib(dir.resolve("bird.ctl"))) {
      return rib.awaitAtLeast("table master4 protocol " + protocol + " " + TIMED_RANGE, n, 60_000);
    }
  }

  private static String json(Map<String, Integer> opts, Samples announce, Samples withdraw, Samples ours,
      Samples gobgp, Samples gobgpCli, Samples oursRib, Samples gobgpRib, Samples oursWritten) throws IOException {
    return String.format(Locale.ROOT,
        "{\"bench\":\"bgp\",\"machine\":{\"kernel\":\"%s\",\"cpus\":%d,\"loadavg\":\"%s\",\"java\":\"%s\","
            + "\"bird\":\"%s\",\"gobgp\":\"%s\"},"
            + "\"announce_to_fib\":{\"cycles\":%d,\"warmup\":%d,%s},\"withdraw_from_fib\":{%s},"
            + "\"bulk_rib\":{\"prefixes\":%d,\"poll_interval_us\":%d,\"kubevip\":{%s},\"gobgp_mrt_inject\":{%s},"
            + "\"kubevip_last_update_written\":{%s}},"
            + "\"bulk\":{\"prefixes\":%d,\"runs\":%d,\"kubevip\":{%s},\"gobgp_mrt_inject\":{%s},"
            + "\"gobgp_cli_return\":{%s},\"gobgp_padding\":%d},\"monitor_lost_events\":%d}",
        System.getProperty("os.version"), Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim().replaceAll(" [^ ]+ [^ ]+$", ""), Runtime.version(),
        version("bird", "--version"), version("gobgp", "--version"), announce.size(), opts.get("warmup"),
        announce.json(), withdraw.json(), opts.get("prefixes"), BirdRib.POLL_INTERVAL_MICROS, oursRib.json(),
        gobgpRib.json(), oursWritten.json(), opts.get("prefixes"), ours.size(), ours.json(), gobgp.json(),
        gobgpCli.json(), GOBGP_PADDING, lostEvents);
  }

  private static String version(String... cmd) {
    Shell.Result r = Shell.run(cmd);
    return (r.stdout() + r.stderr()).strip().replace("\"", "'").lines().findFirst().orElse("?");
  }

  /** Events the route monitor lost (checked against the FIB); reported in the JSON. */
  static int lostEvents;

  @SuppressWarnings("unchecked")
  private static boolean fibMatches(boolean added, Set<String> missing) {
    Set<String> present = new HashSet<>();
    for (Map<String, Object> r : fibRoutes.get()) {
      present.add(String.valueOf(r.get("dst")));
    }
    return added ? present.containsAll(missing) : missing.stream().noneMatch(present::contains);
  }

  static java.util.function.Supplier<List<Map<String, Object>>> fibRoutes = List::of;

  /** Waits until every destination in {@code want} was added (or deleted); returns the last event's stamp. */
  private static long await(RouteMonitor monitor, boolean added, Set<String> want, long timeoutMillis)
      throws InterruptedException {
    java.util.function.IntSupplier fibCount = BgpBench.fibCount;
    Set<String> missing = new HashSet<>(want);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    long last = 0;
    while (!missing.isEmpty()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      RouteMonitor.Event e = left <= 0 ? null : monitor.next(Math.min(left, 1_000));
      if (e == null && left > 0) {
        // a quiet second with routes missing: the monitor may have lost events (netlink overflow); if the FIB
        // already agrees, finish with the last event seen and count what was lost
        if (fibMatches(added, missing)) {
          lostEvents += missing.size();
          System.err.println("route monitor lost " + missing.size() + " events; the FIB has them");
          return last;
        }
        continue;
      }
      if (e == null) {
        throw new IllegalStateException((added ? "added" : "deleted") + ": " + missing.size() + " of " + want.size()
            + " routes not seen in the router's FIB within " + timeoutMillis + " ms; FIB now has "
            + fibCount.getAsInt() + " BIRD routes");
      }
      if (e.added() == added && missing.remove(e.destination())) {
        last = e.nanos();
      }
    }
    return last;
  }

  private static List<Inet4Address> prefixes(int n, int base) throws IOException {
    List<Inet4Address> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int host = i + 1;
      out.add((Inet4Address) InetAddress.getByAddress(new byte[] {10, (byte) (base + (host >> 16)),
          (byte) (host >> 8), (byte) host}));
    }
    return out;
  }

  private static BgpSpeaker speaker(Topology t) throws IOException {
    NetNamespace ns = t.namespace("n1");
    InetAddress local = InetAddress.getByName(t.ipv4("n1"));
    // created and bound on the namespace's thread, to an address that exists only there
    TransportOpener opener = peer -> ns.call(() -> {
      StampingTransport s = new StampingTransport(TransportOpener.DEFAULT.open(peer));
      s.bind(local);
      ourTransport = s;
      return s;
    });
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(65001, (Inet4Address) local)
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    BgpPeerConfig peer = BgpPeerConfig.builder(InetAddress.getByName(t.ipv4(ROUTER)), 65000)
        .holdTime(Duration.ofSeconds(9)).families(true, false).build();
    return new BgpSpeaker(cfg, List.of(peer), opener).start();
  }

  private static Process startBird(Topology t, Path dir) throws Exception {
    String conf = """
        router id 10.99.0.100;
        log "%s" { info, warning, error, fatal };
        protocol device { scan time 10; }
        protocol kernel k4 { ipv4 { import none; export where source = RTS_BGP; }; }
        template bgp kv {
          local 10.99.0.100 as 65000;
          hold time 9; keepalive time 3; connect retry time 1; connect delay time 1; error wait time 1, 5;
          ipv4 { import all; export none; };
        }
        protocol bgp kvn1 from kv { neighbor 10.99.0.11 as 65001; }
        protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65002; }
        """.formatted(dir.resolve("bird.log"));
    Files.writeString(dir.resolve("bird.conf"), conf);
    Process p = new ProcessBuilder("ip", "netns", "exec", t.ns(ROUTER), "bird", "-f", "-c",
        dir.resolve("bird.conf").toString(), "-s", dir.resolve("bird.ctl").toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("bird.out").toFile()).start();
    waitUntil(() -> birdc(dir, "show status").exitCode() == 0, 10_000, "BIRD");
    return p;
  }

  private static Process startGobgpd(Topology t, Path dir) throws Exception {
    String conf = """
        [global.config]
          as = 65002
          router-id = "10.99.0.12"
          local-address-list = ["10.99.0.12"]
        [[neighbors]]
          [neighbors.config]
            neighbor-address = "10.99.0.100"
            peer-as = 65000
          [neighbors.timers.config]
            connect-retry = 1
            hold-time = 9
            keepalive-interval = 3
          [[neighbors.afi-safis]]
            [neighbors.afi-safis.config]
              afi-safi-name = "ipv4-unicast"
        """;
    Files.writeString(dir.resolve("gobgpd.toml"), conf);
    Process p = new ProcessBuilder("ip", "netns", "exec", t.ns("n2"), "gobgpd", "-f",
        dir.resolve("gobgpd.toml").toString(), "-t", "toml", "--api-hosts", "127.0.0.1:50051", "-l", "warn")
        .redirectErrorStream(true).redirectOutput(dir.resolve("gobgpd.log").toFile()).start();
    waitUntil(() -> gobgp(t, "global").exitCode() == 0, 10_000, "gobgpd");
    return p;
  }

  private static Shell.Result gobgp(Topology t, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", t.ns("n2"), "gobgp", "-u", "127.0.0.1",
        "-p", "50051"));
    cmd.addAll(Arrays.asList(args));
    return Shell.run(cmd);
  }

  private static Shell.Result birdc(Path dir, String command) {
    return Shell.run("birdc", "-s", dir.resolve("bird.ctl").toString(), command);
  }

  private static void waitUntil(java.util.function.BooleanSupplier done, long millis, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " not ready within " + millis + " ms");
      }
      Thread.sleep(50); // start-up only, never inside a measurement
    }
  }

  private static void stop(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** Nanosecond samples with nearest-rank percentiles in milliseconds. */
  static final class Samples {
    private final List<Long> values = new ArrayList<>();

    void add(long nanos) {
      values.add(nanos);
    }

    long last() {
      return values.get(values.size() - 1);
    }

    int size() {
      return values.size();
    }

    double pct(double p) {
      List<Long> s = new ArrayList<>(values);
      s.sort(null);
      int rank = (int) Math.ceil(p / 100.0 * s.size());
      return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1))) / 1e6;
    }

    String json() {
      if (values.isEmpty()) {
        return "\"n\":0";
      }
      return String.format(Locale.ROOT, "\"n\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"min_ms\":%.2f,\"max_ms\":%.2f",
          values.size(), pct(50), pct(99), pct(0), pct(100));
    }
  }
}
