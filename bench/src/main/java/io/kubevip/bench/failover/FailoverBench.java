// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import io.kubevip.lab.ApiServerProcess;
import io.kubevip.lab.LabTopology;
import io.kubevip.lab.Prober;
import io.kubevip.bench.BenchConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Control-plane failover from the client's view, kubevip and keepalived side by side in one lab topology and one
 * run, so both face the same machine load. Run through {@code bench/failover.sh} (root: it builds namespaces).
 * Progress goes to stderr; stdout gets one JSON line.
 */
public final class FailoverBench implements BenchConsole.Bench {
  static final String VIP = "10.99.0.50";
  private final BenchOptions options;
  private final List<CaseResult> results = new ArrayList<>();
  private LabTopology topology;
  private ApiServerProcess api;
  private Prober prober;
  private Cluster current;
  private boolean closed;

  private FailoverBench(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchConsole.main("failover bench", args, BenchOptions::parse, BenchOptions.USAGE, FailoverBench::new);
  }

  @Override
  public String run() {
    long started = System.nanoTime();
    String loadStart = loadavg();
    progress("load average at start: " + loadStart);
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
    api = ApiServerProcess.start(topology, work, Duration.ofSeconds(90));
    prober = Prober.start(topology, VIP);
    Measure measure = new Measure(prober);
    Scenarios scenarios = new Scenarios(topology, measure, options.runs(), this::progress);

    if (options.wants("kubevip-tuned")) {
      Timings t = options.tuned();
      runSystem(new KubevipCluster(topology, prober, options.kubevipJar(), VIP, api.kubeconfig(), t.lease(),
          t.renew(), t.retry(), work, "tuned"), measure, c -> {
            Duration timeout = t.lease().plus(t.renew()).plusSeconds(10);
            caseIf("kubevip-tuned-crash", c, () -> scenarios.crash(c, "crash", options.runs(), timeout));
            caseIf("kubevip-tuned-sigterm", c, () -> scenarios.sigterm(c, "sigterm", options.runs(), timeout));
            caseIf("kubevip-tuned-partition", c,
                () -> scenarios.partition(c, "api-partition", options.partitionRuns(), timeout));
          });
    }
    if (options.wants("kubevip-default")) {
      Timings t = Timings.KUBE_VIP_DEFAULTS;
      runSystem(new KubevipCluster(topology, prober, options.kubevipJar(), VIP, api.kubeconfig(), t.lease(),
          t.renew(), t.retry(), work, "kube-vip defaults"), measure, c -> {
            Duration timeout = t.lease().plus(t.renew()).plusSeconds(10);
            caseIf("kubevip-default-sigterm", c, () -> scenarios.sigterm(c, "sigterm", options.runs(), timeout));
            caseIf("kubevip-default-crash", c,
                () -> scenarios.crash(c, "crash", options.defaultCrashRuns(), timeout));
          });
    }
    if (options.wants("keepalived")) {
      runSystem(new KeepalivedCluster(topology, VIP, work), measure, c -> {
        Duration timeout = Duration.ofSeconds(15);
        caseIf("keepalived-crash", c, () -> scenarios.crash(c, "crash", options.runs(), timeout));
        caseIf("keepalived-sigterm", c, () -> scenarios.sigterm(c, "sigterm", options.runs(), timeout));
      });
    }
    String loadEnd = loadavg();
    progress("load average at end: " + loadEnd);
    for (CaseResult r : results) {
      progress(r.summary());
    }
    StringBuilder b = new StringBuilder("{\"bench\":\"control-plane-failover\",\"vip\":\"" + VIP
        + "\",\"nodes\":3,\"probe_interval_ms\":10,\"runs\":" + options.runs()
        + ",\"loadavg_start\":\"" + loadStart + "\",\"loadavg_end\":\"" + loadEnd + "\",\"wall_s\":"
        + (System.nanoTime() - started) / 1_000_000_000L + ",\"api_writes\":" + api.writeCount() + ",\"cases\":[");
    for (int i = 0; i < results.size(); i++) {
      b.append(i == 0 ? "" : ",").append(results.get(i).toJson());
    }
    return b.append("]}").toString();
  }

  private interface Body {
    void run(Cluster c);
  }

  private void runSystem(Cluster cluster, Measure measure, Body body) {
    synchronized (this) {
      current = cluster;
    }
    progress("starting " + cluster.system() + " " + cluster.timingsJson() + " on every node");
    cluster.startAll();
    String owner = measure.settle(Duration.ofSeconds(90));
    progress(cluster.system() + ": VIP owned by " + owner);
    try {
      body.run(cluster);
    } finally {
      cluster.close();
      for (String node : topology.nodes()) {
        if (topology.isCutOff(node)) {
          topology.reconnect(node);
        }
        KeepalivedCluster.removeVip(topology, node, VIP);
      }
      synchronized (this) {
        current = null;
      }
    }
  }

  private void caseIf(String name, Cluster c, java.util.function.Supplier<CaseResult> body) {
    if (!options.wants(name)) {
      return;
    }
    CaseResult r = body.get();
    results.add(r);
    progress(r.summary() + "; load average " + loadavg());
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
    BenchConsole.closeAll("failover bench", java.util.Arrays.asList(prober, current, api, topology));
  }
}
