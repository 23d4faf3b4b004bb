// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import io.kubevip.lab.ApiServerProcess;
import io.kubevip.lab.Clock;
import io.kubevip.lab.LabTopology;
import io.kubevip.bench.BenchConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * N LoadBalancer Services against the lab's mock API and three Services-only managers: how long from create to
 * announced, what the elections cost the API once things are quiet, how long passes take and how much memory a node
 * needs. Run through {@code bench/services-scale.sh} (root: it builds namespaces). Progress goes to stderr; stdout gets
 * one JSON line.
 */
public final class ServicesScaleBench implements BenchConsole.Bench {
  private final ScaleOptions options;
  private LabTopology topology;
  private ApiServerProcess api;
  private ServicesLab lab;
  private AddressMonitor monitor;
  private ServiceWatch watch;
  private boolean closed;

  private ServicesScaleBench(ScaleOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchConsole.main("services bench", args, ScaleOptions::parse, ScaleOptions.USAGE, ServicesScaleBench::new);
  }

  @Override
  public String run() {
    long started = System.nanoTime();
    String loadStart = loadavg();
    progress("load average at start: " + loadStart + "; N=" + options.count() + ", rate "
        + (options.unpaced() ? "unpaced (one client thread)" : options.rate() + "/s") + ", svc_election="
        + options.serviceElection());
    LabTopology planned = LabTopology.plan(3);
    synchronized (this) {
      topology = planned;
    }
    topology.create();
    writeNamespaces();
    Path work = options.workDir().resolve(topology.prefix().replace("-", ""));
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + work + ": " + e.getMessage(), e);
    }
    progress("namespaces " + String.join(" ", topology.namespaces()) + "; logs in " + work);
    api = ApiServerProcess.start(topology, work, Duration.ofSeconds(90), ApiServerProcess.BENCH_JVM_OPTIONS);
    lab = new ServicesLab(topology, api.client());
    lab.createClusterObjects(options.pool());
    monitor = new AddressMonitor(topology, new Pool4(options.pool()));
    watch = new ServiceWatch(api.client(), ServicesLab.SERVICE_NAMESPACE);
    int n = options.count();
    List<String> names = new ArrayList<>(n);
    long[] postStart = new long[n];
    long[] postReturned = new long[n];
    String holder;
    Map<String, ReconcileHistogram> before;
    SortedMap<String, Long> writesBefore;
    long burstStart;
    int warm;
    if (options.precreate()) {
      // Memory at scale when the burst itself is too much for the mock API: the Services exist before any manager.
      warm = 0;
      burstStart = System.nanoTime();
      create(names, postStart, postReturned, burstStart);
      progress("starting 3 Services-only managers, JVM options " + ServicesLab.jvmOptions(options));
      before = Map.of();
      writesBefore = api.writesByResource();
      lab.startManagers(options, api.kubeconfig(), work);
      await("a svc_leasename holder", Duration.ofSeconds(120), () -> lab.servicesLeaseHolder().isPresent());
      holder = lab.servicesLeaseHolder().orElse("none");
      progress("managers ready; " + ServicesLab.SERVICES_LEASE + " held by " + holder);
    } else {
      progress("starting 3 Services-only managers, JVM options " + ServicesLab.jvmOptions(options));
      lab.startManagers(options, api.kubeconfig(), work);
      // Warm-up: one Service end to end, so the lease is held, the allocator has settled and the code is loaded.
      warm = 1;
      lab.createService("warmup");
      await("warm-up Service announced", Duration.ofSeconds(120), () -> monitor.distinct() >= 1);
      holder = lab.servicesLeaseHolder().orElse("none");
      progress("warm-up announced; " + ServicesLab.SERVICES_LEASE + " held by " + holder);
      await("warm-up Service recorded", Duration.ofSeconds(30), () -> watch.recordedAt("warmup") != null);
      before = scrape();
      writesBefore = api.writesByResource();
      burstStart = System.nanoTime();
      create(names, postStart, postReturned, burstStart);
    }
    double createSeconds = (System.nanoTime() - burstStart) / 1e9;
    progress(String.format("created %d Services in %.1f s (%.0f/s)", n, createSeconds, n / createSeconds));
    // One deadline, counted from the first POST, for both waits below.
    Duration timeout = options.timeout().minusNanos(System.nanoTime() - burstStart);
    boolean allAnnounced = await("all announced", timeout, () -> monitor.distinct() >= n + warm);
    long announcedAt = System.nanoTime();
    progress("announced " + (monitor.distinct() - warm) + "/" + n + " after " + (announcedAt - burstStart) / 1_000_000
        + " ms from the first POST");
    Map<String, ReconcileHistogram> afterBurst = scrape();
    Map<String, NodeMemory> memBurst = memory();
    boolean allRecorded = await("all recorded (vipHost)", options.timeout().minusNanos(System.nanoTime() - burstStart),
        () -> watch.recordedCount() >= n + warm);
    SortedMap<String, Long> writesBurst = minus(api.writesByResource(), writesBefore);
    progress("recorded " + (watch.recordedCount() - warm) + "/" + n + "; API writes for the burst " + writesBurst);

    // Steady window: one retry period to let the last status writes drain, then count.
    pause(options.retry());
    Map<String, ReconcileHistogram> steadyStart = scrape();
    SortedMap<String, Long> w0 = api.writesByResource();
    long t0 = System.nanoTime();
    progress("steady window of " + options.window().toSeconds() + " s; load average " + loadavg());
    pause(options.window());
    SortedMap<String, Long> windowWrites = minus(api.writesByResource(), w0);
    double windowSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, ReconcileHistogram> steadyEnd = scrape();
    Map<String, NodeMemory> memEnd = memory();
    long leaseWrites = windowWrites.entrySet().stream().filter(e -> e.getKey().endsWith(" leases"))
        .mapToLong(Map.Entry::getValue).sum();
    double perSecond = leaseWrites / windowSeconds;
    double target = 2.0 * 3 / (options.retry().toMillis() / 1000.0);
    progress(String.format("election writes %d in %.1f s = %.2f/s (target <= %.2f/s); all window writes %s",
        leaseWrites, windowSeconds, perSecond, target, windowWrites));

    // Latencies: Service → its address (the allocator's choice) → when that address first appeared on a node.
    Map<String, String> addresses = lab.allocatedAddresses();
    List<Long> fromReturn = new ArrayList<>();
    List<Long> fromStart = new ArrayList<>();
    List<Long> post = new ArrayList<>();
    List<Long> toAllocated = new ArrayList<>();
    List<Long> allocatedToAnnounced = new ArrayList<>();
    List<Long> toRecorded = new ArrayList<>();
    Map<String, Long> announcers = new TreeMap<>();
    int missing = 0;
    for (int i = 0; i < n; i++) {
      String name = names.get(i);
      post.add(postReturned[i] - postStart[i]);
      String addr = addresses.get(name);
      AddressMonitor.Seen seen = addr == null ? null : monitor.first(addr);
      if (seen == null) {
        missing++;
        continue;
      }
      announcers.merge(seen.node(), 1L, Long::sum);
      if (options.precreate()) {
        continue; // created before any manager ran: no create-to-announced figure
      }
      fromReturn.add(seen.atMicros() - postReturned[i]);
      fromStart.add(seen.atMicros() - postStart[i]);
      Long alloc = watch.allocatedAt(name);
      if (alloc != null) {
        toAllocated.add(alloc - postReturned[i]);
        allocatedToAnnounced.add(seen.atMicros() - alloc);
      }
      Long rec = watch.recordedAt(name);
      if (rec != null) {
        toRecorded.add(rec - postReturned[i]);
      }
    }
    String loadEnd = loadavg();
    progress("create -> announced " + Json.latency(fromReturn) + "; missing " + missing + "; load average " + loadEnd);

    StringBuilder b = new StringBuilder("{\"bench\":\"services-scale\"");
    b.append(",\"n\":").append(n).append(",\"nodes\":3").append(",\"precreate\":").append(options.precreate());
    b.append(",\"rate\":").append(options.unpaced() ? "\"unpaced, one client thread\"" : Json.num(options.rate()));
    b.append(",\"create_rate_achieved_per_s\":").append(Json.num(n / createSeconds));
    b.append(",\"svc_election\":").append(options.serviceElection());
    b.append(",\"timings_ms\":{\"lease\":").append(options.lease().toMillis()).append(",\"renew\":")
        .append(options.renew().toMillis()).append(",\"retry\":").append(options.retry().toMillis()).append('}');
    b.append(",\"pool\":").append(Json.str(options.pool()));
    b.append(",\"services_lease_holder\":").append(Json.str(holder));
    b.append(",\"loadavg_start\":").append(Json.str(loadStart)).append(",\"loadavg_end\":").append(Json.str(loadEnd));
    b.append(",\"wall_s\":").append((System.nanoTime() - started) / 1_000_000_000L);
    b.append(",\"all_announced\":").append(allAnnounced).append(",\"all_recorded\":").append(allRecorded);
    b.append(",\"missing\":").append(missing);
    b.append(",\"address_adds\":").append(monitor.adds()).append(",\"address_deletes\":").append(monitor.deletes());
    b.append(",\"announced_by\":").append(Json.counts(announcers));
    b.append(",\"create_to_announced_ms\":").append(Json.latency(fromReturn));
    b.append(",\"post_start_to_announced_ms\":").append(Json.latency(fromStart));
    b.append(",\"post_ms\":").append(Json.latency(post));
    b.append(",\"create_to_allocated_seen_ms\":").append(Json.latency(toAllocated));
    b.append(",\"allocated_seen_to_announced_ms\":").append(Json.latency(allocatedToAnnounced));
    b.append(",\"create_to_vip_host_seen_ms\":").append(Json.latency(toRecorded));
    b.append(",\"election_writes\":{\"window_s\":").append(Json.num(windowSeconds)).append(",\"lease_writes\":")
        .append(leaseWrites).append(",\"per_s\":").append(String.format(java.util.Locale.ROOT, "%.2f", perSecond))
        .append(",\"target_per_s\":").append(String.format(java.util.Locale.ROOT, "%.2f", target)).append('}');
    b.append(",\"window_writes\":").append(Json.counts(windowWrites));
    b.append(",\"burst_writes\":").append(Json.counts(writesBurst));
    b.append(",\"reconcile\":{");
    int k = 0;
    for (String node : topology.nodes()) {
      b.append(k++ == 0 ? "" : ",").append(Json.str(node)).append(":{\"burst\":")
          .append(afterBurst.get(node).minus(before.getOrDefault(node, ReconcileHistogram.EMPTY)).toJson())
          .append(",\"steady\":")
          .append(steadyEnd.get(node).minus(steadyStart.get(node)).toJson()).append(",\"since_start\":")
          .append(steadyEnd.get(node).toJson()).append('}');
    }
    b.append("},\"memory\":{\"jvm_options\":").append(Json.str(String.join(" ", ServicesLab.jvmOptions(options)))
        + ",\"extra_env\":" + Json.str(options.extraEnvironment().toString()));
    for (String node : topology.nodes()) {
      NodeMemory a = memBurst.get(node);
      NodeMemory e = memEnd.get(node);
      b.append(',').append(Json.str(node)).append(":{\"after_burst\":").append(a == null ? "null" : a.toJson())
          .append(",\"end\":").append(e == null ? "null" : e.toJson()).append('}');
    }
    return b.append("}}").toString();
  }

  private void create(List<String> names, long[] postStart, long[] postReturned, long burstStart) {
    int n = postStart.length;
    for (int i = 0; i < n; i++) {
      if (!options.unpaced()) {
        long due = burstStart + (long) (i * 1e9 / options.rate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      String name = String.format("svc-%05d", i);
      names.add(name);
      postStart[i] = Clock.nowMicros();
      lab.createService(name);
      postReturned[i] = Clock.nowMicros();
      if ((i + 1) % Math.max(1, n / 10) == 0) {
        progress("created " + (i + 1) + "/" + n + "; announced so far " + monitor.distinct());
      }
    }
  }

  private Map<String, ReconcileHistogram> scrape() {
    Map<String, ReconcileHistogram> out = new LinkedHashMap<>();
    for (String node : topology.nodes()) {
      out.put(node, ReconcileHistogram.parse(lab.metrics(node)));
    }
    return out;
  }

  private Map<String, NodeMemory> memory() {
    Map<String, NodeMemory> out = new LinkedHashMap<>();
    lab.managers().forEach((node, m) -> NodeMemory.of(m.pid()).ifPresent(mem -> out.put(node, mem)));
    return out;
  }

  private static SortedMap<String, Long> minus(SortedMap<String, Long> after, SortedMap<String, Long> before) {
    SortedMap<String, Long> d = new TreeMap<>();
    after.forEach((k, v) -> {
      long x = v - before.getOrDefault(k, 0L);
      if (x != 0) {
        d.put(k, x);
      }
    });
    return d;
  }

  private boolean await(String what, Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        progress("gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
        return false;
      }
      lab.managers().forEach((node, m) -> {
        if (!m.isAlive()) {
          throw new IllegalStateException("manager on " + node + " exited " + m.exitCode() + "; see " + m.log());
        }
      });
      pause(Duration.ofMillis(50));
    }
    return true;
  }

  private static void pause(Duration d) {
    LockSupport.parkNanos(d.toNanos());
  }

  private void writeNamespaces() {
    BenchConsole.writeNamespaces(options.namespacesFile(), topology.namespaces());
  }

  private void progress(String line) {
    BenchConsole.progress(line);
  }

  static String loadavg() {
    return BenchConsole.loadavg();
  }

  @Override
  public synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    BenchConsole.closeAll("services bench", java.util.Arrays.asList(watch, monitor, lab, api, topology));
  }
}
