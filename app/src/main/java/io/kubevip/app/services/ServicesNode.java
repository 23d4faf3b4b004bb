// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.ClusterWatchPort;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.out.NodeLivenessPort;
import io.kubevip.ports.out.ServiceStatusPort;
import io.kubevip.ports.service.AllocationPass;
import io.kubevip.ports.service.ClusterModel;
import io.kubevip.ports.service.ClusterState;
import io.kubevip.ports.service.KubeVipNodeLabels;
import io.kubevip.ports.service.NodeLabelSync;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.QueuedAnnouncementReports;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServiceNotices;
import io.kubevip.ports.service.ServicesController;
import io.kubevip.ports.service.ServicesPass;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LoadBalancer Services on this node. Every pass (allocator, then controller) and every re-announcement runs on one
 * thread, so the use cases never see concurrent calls: watch events and liveness changes schedule a debounced pass,
 * a periodic pass (the retry period) repairs whatever an event missed, and the {@code svc_leasename} election
 * switches the allocator on and off and tells the controller who holds the lease.
 *
 * <p>Every Service VIP this node announces is watched ({@link AnnouncedVipWatch}): when someone deletes it, a pass
 * runs at once and adds and announces it again, instead of waiting for the safety pass.
 *
 * <p>Shutdown is two steps, called from two lifecycle phases: {@link #withdrawForShutdown()} takes the Service VIPs
 * off, records the withdrawals and gives the liveness Lease up (peers take over at once), then {@link #stop()}
 * releases {@code svc_leasename}, closes the watch and the thread. No pass runs after the withdrawal.
 */
public final class ServicesNode {
  private static final Logger LOG = LoggerFactory.getLogger(ServicesNode.class);
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** How often a pass waiting for its reports checks whether leadership changed meanwhile. */
  private static final Duration REPORT_WAIT_SLICE = Duration.ofMillis(50);
  static final int REPORT_WRITERS = 8;

  /**
   * Timings of the node.
   *
   * @param debounce the shortest time between two event-driven passes: an event while the thread has been idle for
   *     that long starts a pass at once, events during or right after a pass share the next one
   * @param safetyPeriod a pass at least this often (the lease retry period; also the allocator's settle time)
   * @param reannounce gratuitous ARP / unsolicited NA re-send interval for announced Service VIPs ({@code vip_arpRate})
   */
  public record Timing(Duration debounce, Duration safetyPeriod, Duration reannounce) {
    public Timing {
      Objects.requireNonNull(debounce, "debounce");
      Objects.requireNonNull(safetyPeriod, "safetyPeriod");
      Objects.requireNonNull(reannounce, "reannounce");
    }
  }

  /** What readiness and logs show. */
  public record Status(boolean started, boolean stopping, boolean synced, Optional<NodeId> leaseHolder,
      boolean allocating, Set<NodeId> liveNodes, boolean selfValid, int announced, Set<VipAddress> waiting) {}

  private final ServicesSettings settings;
  private final LeaseName lease;
  private final ClusterWatchPort watchPort;
  private final NodeLivenessPort liveness;
  private final LeaderElectionPort election;
  private final ServiceAddressAllocator allocator;
  private final PlanExecutor plans;
  private final VipAnnouncer announcer;
  private final ServicesMeters meters;
  private final Timing timing;
  private final ClusterModel model;
  private final ServicesController controller;
  /**
   * The controller's reports (vipHost, ingress, condition) are written by {@value #REPORT_WRITERS} threads, in parallel
   * across Services; each pass waits for its own before the next starts, so a node's claims never lag far behind what
   * it announces (the other nodes place unclaimed VIPs afresh).
   */
  private final QueuedAnnouncementReports reports;
  private final AnnouncedVipWatch vipWatch;
  private final ServiceStatusPort status;
  private final ServiceNotices notices = new ServiceNotices();
  private final AtomicBoolean repairQueued = new AtomicBoolean();
  private final Map<VipBinding, Long> removedSince = new ConcurrentHashMap<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** A trigger other than a change of the cluster picture (liveness) asked for the scheduled pass: it runs. */
  private final AtomicBoolean passRequired = new AtomicBoolean();
  /**
   * {@link ClusterModel#version()} of the picture the last pass reconciled completely (the allocator had nothing left
   * to write in it, the controller's actions succeeded and its reports are out), or -1.
   */
  private volatile long reconciled = -1;
  /** {@link System#nanoTime()} when the last pass started (far in the past before the first). */
  private volatile long lastPassStart = System.nanoTime() - Duration.ofDays(1).toNanos();
  /** Counts leadership changes, so a queued "gained" never lands after the "lost" that followed it. */
  private final AtomicLong term = new AtomicLong();
  private volatile ScheduledExecutorService thread;
  private volatile ClusterWatchPort.Watch watch;
  private volatile boolean started;
  private volatile boolean stopping;
  private volatile Optional<NodeId> leaseHolder = Optional.empty();
  private volatile Set<VipAddress> waiting = Set.of();
  private volatile NodeLabelSync labels; // null: enable_node_labeling is off

  public ServicesNode(ServicesSettings settings, LeaseName lease, ClusterWatchPort watchPort, NodeLivenessPort liveness,
      LeaderElectionPort election, ServiceStatusPort status, ServiceAddressAllocator allocator, PlanExecutor plans,
      VipAnnouncer announcer, ServicesMeters meters, Timing timing, Clock clock) {
    this(settings, lease, watchPort, liveness, election, status, allocator, plans, announcer, meters, timing, clock,
        InterfaceSubnetsPort.NONE, InterfaceMonitor.NONE);
  }

  /**
   * @param subnets the node's interface subnets, for {@code auto} interfaces
   * @param monitor reports announced Service VIPs deleted behind our back
   */
  public ServicesNode(ServicesSettings settings, LeaseName lease, ClusterWatchPort watchPort, NodeLivenessPort liveness,
      LeaderElectionPort election, ServiceStatusPort status, ServiceAddressAllocator allocator, PlanExecutor plans,
      VipAnnouncer announcer, ServicesMeters meters, Timing timing, Clock clock, InterfaceSubnetsPort subnets,
      InterfaceMonitor monitor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.watchPort = Objects.requireNonNull(watchPort, "watchPort");
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.election = Objects.requireNonNull(election, "election");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.announcer = Objects.requireNonNull(announcer, "announcer");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.model = new ClusterModel(this::modelChanged, settings.self());
    this.reports = new QueuedAnnouncementReports(Objects.requireNonNull(status, "status"),
        problem -> LOG.warn("Services: {}", problem), REPORT_WRITERS);
    this.controller = new ServicesController(settings, model, liveness, plans, reports, meters, clock,
        Objects.requireNonNull(subnets, "subnets"));
    this.status = Objects.requireNonNull(status, "status");
    this.vipWatch = new AnnouncedVipWatch(Objects.requireNonNull(monitor, "monitor"), this::vipRemoved);
  }

  /**
   * {@code enable_node_labeling}: after every pass this node carries {@code service-provided.kube-vip.io/<svc>.<ns>}
   * for each Service it announces, and none at shutdown. Call before {@link #start}.
   */
  public ServicesNode labelling(NodeLabelsPort nodeLabels) {
    labels = nodeLabels == NodeLabelsPort.NONE ? null
        : new NodeLabelSync(nodeLabels, settings.self(), KubeVipNodeLabels::isServiceKey);
    return this;
  }

  /** Watch, liveness, election and the periodic work; returns at once. */
  public synchronized void start() {
    if (started) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kubevip-services");
      t.setDaemon(true);
      return t;
    });
    started = true;
    watch = watchPort.watch(notices.tee(model));
    liveness.start((live, valid) -> schedulePass());
    election.run(lease, new Callbacks());
    long safety = Math.max(1, timing.safetyPeriod().toMillis());
    thread.scheduleWithFixedDelay(this::passNow, safety, safety, TimeUnit.MILLISECONDS);
    long rearp = Math.max(1, timing.reannounce().toMillis());
    thread.scheduleWithFixedDelay(this::reannounce, rearp, rearp, TimeUnit.MILLISECONDS);
    LOG.info("Services: watching as {} (svc_election={}, lease {}, interface {})", settings.self(),
        settings.serviceElection(), lease, settings.defaultServiceInterface().name());
  }

  /** SIGTERM, first step: withdraw every Service VIP, record it, give the liveness Lease up; no pass runs after. */
  public void withdrawForShutdown() {
    stopping = true;
    ScheduledExecutorService t = thread;
    if (t == null) {
      return;
    }
    ServicesPass pass = onThread(t, () -> {
      vipWatch.close(); // the withdrawal removes them on purpose
      ServicesPass withdrawn = controller.shutdown();
      syncLabels();
      return withdrawn;
    });
    if (pass != null) {
      LOG.info("Services: withdrew {} actions for shutdown{}", pass.executed().size(),
          pass.succeeded() ? "" : " (problems: " + pass.failures() + " " + pass.problems() + ")");
    }
  }

  /** SIGTERM, second step: release {@code svc_leasename}, stop watching, stop the thread. */
  public synchronized void stop() {
    stopping = true;
    if (!started) {
      return;
    }
    election.release(lease);
    vipWatch.close();
    if (watch != null) {
      watch.close();
    }
    thread.shutdownNow();
    reports.close();
    started = false;
  }

  public Status status() {
    return new Status(started, stopping, model.snapshot().synced(), leaseHolder, allocator.leading(),
        liveness.liveNodes(), liveness.selfValid(), meters.active(), waiting);
  }

  /**
   * Debounced on the leading edge: a pass starts at once when none started within {@code debounce}, else
   * {@code debounce} after the last one started; events meanwhile share it. A single new Service is thus not held back
   * by the debounce, and a burst still gets one pass per {@code debounce} at most.
   */
  void schedulePass() {
    passRequired.set(true);
    schedule();
  }

  /**
   * A change of the cluster picture: as {@link #schedulePass}, except that the pass is skipped when nothing changed
   * since the picture the last pass reconciled completely. The common case is the pass's own allocation write, whose
   * result reaches the picture during the pass (which then announces it): the pass its change event asked for would
   * find nothing to do — half the passes of the announcing node while Services are created.
   */
  private void modelChanged() {
    schedule();
  }

  private void schedule() {
    ScheduledExecutorService t = thread;
    if (t == null || stopping || !scheduled.compareAndSet(false, true)) {
      return;
    }
    long wait = Math.max(0, lastPassStart + timing.debounce().toNanos() - System.nanoTime());
    try {
      t.schedule(() -> {
        scheduled.set(false);
        if (!passRequired.getAndSet(false) && model.version() == reconciled) {
          return;
        }
        passNow();
      }, wait, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      scheduled.set(false);
    }
  }

  private void passNow() {
    if (stopping) {
      return;
    }
    long t0 = System.nanoTime();
    lastPassStart = t0;
    long passTerm = term.get();
    boolean ok = false;
    reconciled = -1;
    long seen = -1;
    boolean settled = false;
    boolean reported = false;
    try {
      allocate(model.snapshot());
      if (allocator.leading()) {
        notices.report(status); // rejected and other-class Services: one Event cluster-wide, from the allocator
      }
      // Read before the controller's snapshot, which then holds at least this version. The allocation's own writes
      // usually land during the allocation: the controller announces them in this pass.
      seen = model.version();
      ClusterState planned = model.snapshot();
      settled = allocator.idle(model.claims(planned)) && !(allocator.leading() && notices.unreported());
      ServicesPass pass = controller.reconcile();
      reported = awaitReports(passTerm);
      if (!reported && term.get() == passTerm) {
        LOG.warn("Services: {} vipHost/status reports still being written after {} s", reports.pending(),
            WAIT.toSeconds());
      }
      vipWatch.follow(plans.announced());
      syncLabels();
      waiting = pass.waiting();
      ok = pass.succeeded();
      if (!ok) {
        LOG.warn("Services pass left work undone: {} {}", pass.failures(), pass.problems());
      }
    } catch (RuntimeException e) {
      LOG.warn("Services pass failed (the next one retries): {}", e.toString());
    } finally {
      meters.passCompleted(Duration.ofNanos(System.nanoTime() - t0), ok);
    }
    // Complete: it succeeded, its reports are out, nothing changed after the picture the controller planned from, and
    // in that picture the allocator had nothing left to write (a Service that arrived after it looked is not settled).
    // A report that failed is written again after ServicesController.WRITE_ECHO_TIMEOUT, by the periodic pass.
    if (ok && settled && reported && model.version() == seen) {
      reconciled = seen;
    }
  }

  private void allocate(ClusterState state) {
    AllocationPass allocation = allocator.reconcile(state, model.claims(state));
    if (!allocation.allocated().isEmpty() || !allocation.failed().isEmpty()) {
      LOG.info("Services: allocated {}; failed {}", allocation.allocated(), allocation.failed());
    }
  }

  /**
   * Waits up to {@link #WAIT} for the pass's reports, but not past a change of {@code svc_leasename} leadership:
   * the withdrawal queued behind this pass is what fencing relies on, and a slow API must not hold it back.
   */
  private boolean awaitReports(long passTerm) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (reports.awaitWritten(Duration.ofNanos(Math.max(0, Math.min(left, REPORT_WAIT_SLICE.toNanos()))))) {
        return true;
      }
      if (left <= REPORT_WAIT_SLICE.toNanos() || term.get() != passTerm || stopping) {
        return false;
      }
    }
  }

  // On the services thread. A failed write is logged and retried by the next pass; announcing goes on regardless.
  private void syncLabels() {
    NodeLabelSync l = labels;
    if (l == null) {
      return;
    }
    try {
      Set<VipAddress> served = stopping ? Set.of()
          : plans.announced().stream().map(VipBinding::vip).collect(Collectors.toSet());
      l.sync(KubeVipNodeLabels.servicesProvided(model.claims(model.snapshot()), served));
    } catch (RuntimeException e) {
      LOG.warn("Services: node labels not updated (the next pass retries): {}", e.toString());
    }
  }

  // On the monitor's thread: only queue. The check runs on the services thread, after any pass that was running, so
  // a VIP that pass removed on purpose (no longer announced) is not "repaired". Removals reported together share one
  // pass.
  private void vipRemoved(VipBinding binding) {
    if (stopping) {
      return;
    }
    removedSince.putIfAbsent(binding, System.nanoTime());
    if (!repairQueued.compareAndSet(false, true)) {
      return;
    }
    onThreadLater(() -> {
      repairQueued.set(false);
      Set<VipBinding> announced = plans.announced();
      Map<VipBinding, Long> removed = new HashMap<>();
      removedSince.keySet().forEach(b -> {
        Long at = removedSince.remove(b);
        if (at != null && announced.contains(b)) {
          removed.put(b, at);
        }
      });
      if (stopping || removed.isEmpty()) {
        return;
      }
      LOG.info("Services: {} removed by someone else; adding again", removed.keySet());
      passNow();
      long now = System.nanoTime();
      Set<VipBinding> back = plans.announced(); // once: a copy per removed VIP was O(N²) for thousands of removals
      removed.forEach((b, at) -> {
        if (back.contains(b)) {
          LOG.info("Services: {} back on {} {} ms after its removal was reported", b.vip(), b.iface(),
              Duration.ofNanos(now - at).toMillis());
        }
      });
    }, Duration.ZERO);
  }

  private void reannounce() {
    if (stopping) {
      return;
    }
    for (VipBinding b : plans.announced()) {
      try {
        announcer.announce(b);
      } catch (RuntimeException e) {
        LOG.debug("re-announcing {} failed: {}", b, e.toString());
      }
    }
  }

  private <T> T onThread(ScheduledExecutorService t, java.util.concurrent.Callable<T> work) {
    try {
      Future<T> f = t.submit(work);
      return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Services: {} did not complete: {}", work, e.toString());
      return null;
    }
  }

  private final class Callbacks implements LeadershipCallbacks {
    // Never blocks the election thread on a running pass (that would delay renewals): the change is queued on the
    // services thread, after whatever pass is running. Queued work applies the holder as it is when it runs, not as
    // it was when queued: a pass queued by an earlier callback must not re-assert a holder a later one replaced (it
    // kept a node that had just lost svc_leasename announcing until that pass's status writes were done).
    @Override
    public void onStartedLeading() {
      LOG.info("Services: {} holds {}; allocating after {}", settings.self(), lease, timing.safetyPeriod());
      leaseHolder = Optional.of(settings.self());
      long gained = term.incrementAndGet();
      onThreadLater(() -> {
        if (term.get() == gained) {
          allocator.leadershipGained();
          controller.serviceLeaseHolder(leaseHolder);
          passNow();
        }
      }, Duration.ZERO);
      onThreadLater(ServicesNode.this::passNow, timing.safetyPeriod().plusMillis(10));
    }

    @Override
    public void onStoppedLeading() {
      LOG.info("Services: {} no longer holds {}", settings.self(), lease);
      term.incrementAndGet();
      allocator.leadershipLost(); // at once: no allocation after this returns
      if (leaseHolder.filter(settings.self()::equals).isPresent()) {
        leaseHolder = Optional.empty();
      }
      ScheduledExecutorService t = thread;
      if (t == null || stopping) {
        controller.serviceLeaseHolder(leaseHolder);
        return;
      }
      // Withdraw before returning, as the election expects; on the services thread, after queued work (a pass
      // waiting for its status writes stops waiting when the term changes).
      onThread(t, () -> {
        allocator.leadershipLost();
        controller.serviceLeaseHolder(leaseHolder);
        passNow();
        return null;
      });
    }

    @Override
    public void onNewLeader(String identity) {
      leaseHolder = Optional.of(NodeId.of(identity));
      onThreadLater(() -> {
        controller.serviceLeaseHolder(leaseHolder);
        passNow();
      }, Duration.ZERO);
    }
  }

  private void onThreadLater(Runnable work, Duration delay) {
    ScheduledExecutorService t = thread;
    if (t == null || stopping) {
      return;
    }
    try {
      t.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopping
    }
  }
}
