// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A whole lab: topology, API, one manager per node and the prober, torn down together — on return, on an
 * exception, and from a shutdown hook on Ctrl-C. The scenario methods ({@link #crashOwner()} and friends) are
 * public so end-to-end tests can run their own sequences.
 */
public final class LabRun implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** A restarted manager removes its predecessor's VIP at start-up; a JVM start on a busy machine takes ~15 s. */
  private static final Duration ORPHAN_TIMEOUT = Duration.ofSeconds(40);

  private final LabSettings settings;
  private final Consumer<String> progress;
  private final Map<String, ManagerProcess> managers = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new LinkedHashMap<>();
  private final Thread shutdownHook = new Thread(this::teardown, "kubevip-lab-teardown");
  private LabTopology topology;
  private ApiServerProcess api;
  private Prober prober;
  private ManagerProcess.Config managerConfig;
  private Path work;
  private boolean closed;

  private final String address;

  private LabRun(LabSettings settings, String address, Consumer<String> progress) {
    this.settings = settings;
    this.address = address;
    this.progress = progress;
  }

  /** Builds the lab and starts everything; returns once exactly one node owns the VIP. */
  public static LabRun start(LabSettings settings, Consumer<String> progress) {
    return start(settings, settings.vip(), progress);
  }

  /**
   * Like {@link #start(LabSettings, Consumer)}, but the managers get {@code address} (kube-vip's {@code address},
   * e.g. a dual-stack {@code 10.99.0.50,fd99::50}); the prober follows its first entry. Start another
   * {@link Prober} on {@link #topology()} to follow the others.
   */
  public static LabRun start(LabSettings settings, String address, Consumer<String> progress) {
    if (!Files.isRegularFile(settings.kubevipJar())) {
      throw new LabException("kubevip jar " + settings.kubevipJar() + " not found; build it with "
          + "./mvnw -B -q -DskipTests -pl app -am package");
    }
    LabRun run = new LabRun(settings, address, progress);
    Runtime.getRuntime().addShutdownHook(run.shutdownHook);
    try {
      run.bringUp();
      return run;
    } catch (RuntimeException | Error e) {
      run.close();
      throw e;
    }
  }

  private void bringUp() {
    LabTopology planned = LabTopology.plan(settings.nodes());
    synchronized (this) {
      if (closed) {
        throw new LabException("lab torn down while it was being built");
      }
      topology = planned; // held before anything exists, so a Ctrl-C during create() removes what was made
    }
    topology.create();
    progress.accept("namespaces: " + String.join(" ", topology.namespaces()));
    work = settings.workDir().resolve(topology.prefix().replace("-", ""));
    try {
      Files.createDirectories(work);
    } catch (java.io.IOException e) {
      throw new LabException("cannot create " + work + ": " + e.getMessage(), e);
    }
    api = ApiServerProcess.start(topology, work, START_TIMEOUT);
    progress.accept("API " + api.url() + " in " + topology.ns(LabTopology.API) + "; logs in " + work);
    managerConfig = new ManagerProcess.Config(settings.kubevipJar(), address, api.kubeconfig(),
        settings.lease(), settings.renew(), settings.retry(), List.of());
    prober = Prober.start(topology, address.split(",")[0].strip());
    for (String node : topology.nodes()) {
      startManager(node, work);
    }
    for (ManagerProcess m : managers.values()) {
      m.awaitReady(topology, START_TIMEOUT);
    }
    Optional<Set<String>> owner = prober.awaitOwners(o -> o.size() == 1, START_TIMEOUT);
    if (owner.isEmpty()) {
      throw new LabException("no single node took the VIP within " + START_TIMEOUT.toSeconds() + " s; owners now "
          + prober.owners() + "; see the node logs in " + work);
    }
    progress.accept("VIP " + settings.vip() + " owned by " + owner.get().iterator().next());
  }

  private void startManager(String node, Path work) {
    int n = starts.merge(node, 1, Integer::sum);
    managers.put(node, ManagerProcess.start(topology, node, managerConfig, work, n));
  }

  public LabTopology topology() {
    return topology;
  }

  public Prober prober() {
    return prober;
  }

  public ApiServerProcess api() {
    return api;
  }

  /** The manager now running (or last run) on {@code node}. */
  public ManagerProcess manager(String node) {
    ManagerProcess m = managers.get(node);
    if (m == null) {
      throw new LabException("no manager was started on " + node + "; nodes: " + managers.keySet());
    }
    return m;
  }

  /** SIGKILL only the manager of {@code node}: the node stays on both LANs, with whatever the process left. */
  public void killManager(String node) {
    manager(node).kill();
  }

  /** Starts a new manager on {@code node} (after a kill or stop); its log is {@code <node>-<n>.log}. */
  public ManagerProcess restartManager(String node) {
    if (manager(node).isAlive()) {
      throw new LabException("the manager on " + node + " still runs; kill or stop it first");
    }
    startManager(node, work);
    return managers.get(node);
  }

  /** Where the API and manager logs of this run go. */
  public Path workDir() {
    return work;
  }

  /** The single reachable owner now; fails when there is none or more than one. */
  public String owner() {
    if (!prober.healthy()) {
      throw new LabException("the prober stopped (ping or ip monitor exited); results would be meaningless");
    }
    Set<String> o = prober.owners();
    if (o.size() != 1) {
      throw new LabException("expected exactly one VIP owner, found " + o);
    }
    return o.iterator().next();
  }

  /** Watches for {@code window}: the VIP should stay with one owner and answer every probe. */
  public EventResult steady(Duration window) {
    String owner = owner();
    // From the first reply to a probe sent now on: ping prints "no answer yet" for a probe when it sends the next
    // one, so lines about probes sent before the VIP answered (while the owner claimed it) would otherwise fall in
    long t0 = prober.awaitFreshReply(Duration.ofSeconds(5)).orElseGet(Clock::nowMicros);
    Sleep.millis(window.toMillis());
    long end = Clock.nowMicros();
    // ping answers in order: once a probe sent after the window is answered, every late reply in it was read
    prober.awaitReplyAfter(end, Duration.ofSeconds(1));
    List<Prober.Sample> s = prober.samples(t0, end);
    int lost = (int) s.stream().filter(Prober.Sample::lost).count();
    int late = (int) s.stream().filter(Prober.Sample::answeredLate).count();
    int dual = (int) s.stream().filter(x -> x.owners() > 1).count();
    Long gap = prober.longestGapMicros(t0, end).map(g -> g / 1000).orElse(null);
    boolean ok = lost == 0 && dual == 0 && !s.isEmpty() && prober.owners().equals(Set.of(owner));
    String rate = String.format("%d probes, %.0f/s", s.size(), s.size() * 1e6 / Math.max(1, end - t0));
    if (late > 0) {
      rate += ", " + late + " answered late (after the next probe)";
    }
    String flaps = changesOtherThan("", t0);
    if (!flaps.isEmpty()) {
      rate += "; " + flaps;
    }
    return new EventResult("steady " + window.toMillis() + " ms", owner,
        prober.owners().size() == 1 ? owner() : null, gap, lost, dual, null, null, ok, rate);
  }

  /** SIGKILL the owner's manager and cut its node off both LANs: a dead machine. */
  public EventResult crashOwner() {
    String old = owner();
    long t0 = Clock.nowMicros();
    managers.get(old).kill();
    topology.cutOff(old);
    return awaitFailover("crash " + old, old, t0, settings.lease().plus(settings.renew()).plusSeconds(10));
  }

  /** SIGTERM the owner's manager: it should hand over quickly. */
  public EventResult stopOwner() {
    String old = owner();
    long t0 = Clock.nowMicros();
    int code = managers.get(old).terminate(Duration.ofSeconds(15));
    EventResult r = awaitFailover("stop " + old, old, t0, settings.lease().plusSeconds(10));
    String note = (r.note().isEmpty() ? "" : r.note() + "; ") + "exit code " + code;
    boolean stillHolds = prober.holders().contains(old);
    return new EventResult(r.event(), r.oldOwner(), r.newOwner(), r.outageMs(), r.lostProbes(),
        r.twoOwnerSamples(), r.takeoverMs(), r.clientSwitchMs(), r.ok() && !stillHolds,
        stillHolds ? note + "; stopped node still holds the VIP" : note);
  }

  private EventResult awaitFailover(String event, String old, long t0, Duration timeout) {
    Optional<Set<String>> after = prober.awaitOwners(o -> o.size() == 1 && !o.contains(old), timeout);
    Optional<Long> reply = prober.awaitReplyAfter(after.map(o -> Clock.nowMicros()).orElse(t0),
        after.isPresent() ? Duration.ofSeconds(5) : Duration.ZERO);
    Sleep.millis(500); // look a little past the takeover for a second owner
    long end = Clock.nowMicros();
    String neu = after.map(o -> o.iterator().next()).orElse(null);
    List<Prober.Sample> s = prober.samples(t0, end);
    int dual = (int) s.stream().filter(x -> x.owners() > 1).count();
    int lost = (int) s.stream().filter(Prober.Sample::lost).count();
    Long outage = reply.isEmpty() ? null : prober.longestGapMicros(t0, end).map(g -> g / 1000).orElse(null);
    Long takeover = neu == null ? null : prober.ownerChanges(t0).stream()
        .filter(c -> c.node().equals(neu) && c.holds()).findFirst().map(c -> (c.atMicros() - t0) / 1000).orElse(null);
    Long client = neu == null ? null : prober.macChanges(t0).stream()
        .filter(c -> neu.equals(c.node())).findFirst().map(c -> (c.atMicros() - t0) / 1000).orElse(null);
    String note = neu == null ? "no new owner within " + timeout.toSeconds() + " s; owners " + prober.owners() : "";
    return new EventResult(event, old, neu, outage, lost, dual, takeover, client, neu != null && dual == 0, note);
  }

  /**
   * Brings a crashed node back: management link first, a new manager, and the data link once that manager has
   * removed the VIP its killed predecessor left on eth0 (a dead machine's daemon starts before it rejoins).
   */
  public EventResult recover(String node) {
    String owner = owner();
    long t0 = Clock.nowMicros();
    topology.ip(LabTopology.MGMT, "link", "set", "m-" + node, "up");
    startManager(node, work);
    boolean hadOrphan = prober.holders().contains(node);
    awaitOrphanGone(node, ORPHAN_TIMEOUT);
    boolean goneBeforeDataLink = !prober.holders().contains(node);
    topology.reconnect(node);
    if (!goneBeforeDataLink) {
      awaitOrphanGone(node, Duration.ofSeconds(20));
    }
    boolean orphanLeft = prober.holders().contains(node);
    Long removedMs = hadOrphan && !orphanLeft ? prober.ownerChanges(t0).stream()
        .filter(c -> c.node().equals(node) && !c.holds()).findFirst().map(c -> (c.atMicros() - t0) / 1000)
        .orElse(null) : null;
    managers.get(node).awaitReady(topology, START_TIMEOUT);
    Sleep.millis(1000);
    long end = Clock.nowMicros();
    List<Prober.Sample> s = prober.samples(t0, end);
    int dual = (int) s.stream().filter(x -> x.owners() > 1).count();
    int lost = (int) s.stream().filter(Prober.Sample::lost).count();
    Long gap = prober.longestGapMicros(t0, end).map(g -> g / 1000).orElse(null);
    String now = prober.owners().size() == 1 ? owner() : null;
    String note = !hadOrphan ? "no orphan VIP to remove"
        : orphanLeft ? "orphan VIP still on eth0"
        : "orphan VIP removed " + removedMs + " ms after restart"
            + (goneBeforeDataLink ? "" : ", only once the data link was back");
    String flaps = changesOtherThan(node, t0);
    if (!flaps.isEmpty()) {
      note += "; " + flaps;
    }
    boolean ok = !orphanLeft && dual == 0 && lost == 0 && owner.equals(now);
    return new EventResult("recover " + node, owner, now, gap, lost, dual, null, null, ok, note);
  }

  /**
   * VIP removals and additions since {@code t0} on nodes other than {@code except}, e.g. "node3 -VIP 412 ms,
   * node3 +VIP 905 ms": a leader that fenced itself (renew missed) and took the lease back shows up here.
   */
  private String changesOtherThan(String except, long t0) {
    List<String> out = new ArrayList<>();
    for (Prober.OwnerChange c : prober.ownerChanges(t0)) {
      if (!c.node().equals(except)) {
        out.add(c.node() + (c.holds() ? " +VIP " : " -VIP ") + (c.atMicros() - t0) / 1000 + " ms");
      }
    }
    return out.isEmpty() ? "" : "VIP moved meanwhile: " + String.join(", ", out);
  }

  private void awaitOrphanGone(String node, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (prober.holders().contains(node) && System.nanoTime() < deadline && managers.get(node).isAlive()) {
      Sleep.millis(20);
    }
  }

  /** API writes so far (Lease renewals and the like). */
  public long apiWrites() {
    return api.writeCount();
  }

  /** With --keep: leave everything running and say how to remove it. */
  public String detach() {
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    closed = true;
    if (prober != null) {
      prober.close();
    }
    return "kept namespaces " + String.join(" ", topology.namespaces()) + " and their processes; remove them with: "
        + "./kubevip lab down " + topology.prefix().replace("-", "");
  }

  /** True once teardown has run (or started), e.g. from the shutdown hook on Ctrl-C. */
  public synchronized boolean isTornDown() {
    return closed;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run teardown itself
    }
    teardown();
  }

  private synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> parts = new ArrayList<>();
    parts.add(prober);
    parts.addAll(managers.values().stream().map(m -> (AutoCloseable) m::kill).toList());
    parts.add(api);
    parts.add(topology);
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("kubevip lab: teardown step failed: " + e.getMessage());
      }
    }
  }
}
