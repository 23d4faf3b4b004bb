// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import io.kubevip.domain.lease.LeaseTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on one Lease, built for fast and safe VIP ownership.
 *
 * <ul>
 *   <li><b>Watching candidates.</b> Candidates watch the Lease; a released Lease (empty holder) is taken at once
 *       instead of at the next retry, and a renewal restarts their expiry clock the moment it happens.
 *   <li><b>Expiry by observation.</b> A candidate counts {@code leaseDuration} from when <i>it</i> saw the last
 *       change (as client-go does), never from the timestamps in the object, so clock offsets between nodes do not
 *       matter. Every write is a compare-and-swap on resourceVersion.
 *   <li><b>Fencing.</b> A leader whose renewals keep failing calls {@link Listener#onStoppedLeading} at
 *       {@code lastSuccessfulRenewSent + renewDeadline}, from a timer independent of the (possibly hung) API call.
 *       That is before anyone else can acquire (the fencing bound): a leader whose last successful renewal was
 *       sent at {@code r} (its own clock) stops announcing at {@code r + renewDeadline}. A candidate takes the Lease
 *       only after it has seen no change for {@code leaseDuration} on its own clock, counted from when it observed
 *       that renewal, which is no earlier than {@code r}, and only with a successful compare-and-swap. So the old
 *       leader has been silent for at least {@code leaseDuration - renewDeadline} ({@link LeaseTiming#safetyMargin},
 *       the fencing margin) before anyone else can announce; only clock-rate drift, not clock offset, eats into it.
 *   <li><b>Staying alive.</b> Losing leadership returns to candidate; the process does not exit (kube-vip exits).
 * </ul>
 *
 * <p>Threading: one scheduler thread runs every state transition and every callback, so callbacks never overlap;
 * API calls run on a second thread so a hung call cannot delay fencing.
 */
public final class LeaseElector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseElector.class);

  /** Election callbacks, called on the elector's thread, never concurrently. */
  public interface Listener {
    /** This node now holds the Lease: announce. */
    void onStartedLeading();

    /** This node no longer holds the Lease (lost, fenced or released): stop announcing at once. */
    void onStoppedLeading();

    /** The holder changed (empty when released). */
    default void onNewLeader(Optional<String> holder) {}
  }

  private final LeaseStore store;
  private final String identity;
  private final LeaseTiming timing;
  private final Clock clock;
  private final Listener listener;
  private final ScheduledExecutorService scheduler;
  private final ScheduledExecutorService io;

  // State below is only touched on the scheduler thread.
  private Optional<LeaseSnapshot> observed = Optional.empty();
  private Instant observedAt;
  private boolean leading;
  private Instant lastRenewSent;
  private ScheduledFuture<?> fence;
  private ScheduledFuture<?> tick;
  private boolean inFlight;
  private boolean retryWhenLanded; // a watch event asked for an attempt while one was in flight
  private boolean stopped;
  private Optional<String> lastAnnouncedHolder = Optional.empty();
  private AutoCloseable watch;
  private volatile Thread schedulerThread;
  private volatile Optional<Duration> lastTakeoverGap = Optional.empty();

  LeaseElector(LeaseStore store, String identity, LeaseTiming timing, Clock clock, Listener listener) {
    this.store = Objects.requireNonNull(store);
    this.identity = requireIdentity(identity);
    this.timing = Objects.requireNonNull(timing);
    this.clock = Objects.requireNonNull(clock);
    this.listener = Objects.requireNonNull(listener);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> schedulerThread = thread(r, "lease-" + identity));
    this.io = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "lease-io-" + identity));
  }

  /** An elector on the Lease {@code namespace/name} through fabric8; call {@link #start()} to campaign. */
  public static LeaseElector onLease(io.fabric8.kubernetes.client.KubernetesClient client, String namespace, String name,
      String identity, LeaseTiming timing, Clock clock, Listener listener) {
    return new LeaseElector(new Fabric8LeaseStore(client, namespace, name), identity, timing, clock, listener);
  }

  /** Starts campaigning and watching. */
  public void start() {
    scheduler.execute(() -> {
      try {
        watch = store.watch(change -> post(() -> onWatched(change)));
      } catch (RuntimeException e) {
        LOG.warn("lease watch could not start, relying on polling every {}: {}", timing.retryPeriod(), e.toString());
      }
      scheduleTick(Duration.ZERO);
    });
  }

  /**
   * For the last acquisition: how long before it this node last saw the previous holder's record change (its last
   * renewal or its release). Set before {@link Listener#onStartedLeading} runs; empty for a fresh Lease.
   */
  public Optional<Duration> lastTakeoverGap() {
    return lastTakeoverGap;
  }

  /** True while this node holds the Lease and is not fenced. */
  public boolean isLeader() {
    return call(() -> leading);
  }

  /**
   * Graceful hand-over: stop leading (the listener withdraws the VIP), then release the Lease so a watching peer
   * takes it at once. Returns when the release was written or failed.
   */
  public void releaseAndStop(Duration timeout) {
    boolean wasLeading = call(() -> {
      stopped = true;
      cancel(tick);
      boolean was = leading;
      if (leading) {
        stopLeading("releasing on shutdown");
      }
      // Stop watching before the release: its event is of no use to a stopping elector, and the API server then does
      // not deliver it to a watch being torn down (fabric8's mock server stalls every client for seconds when a watch
      // closes while an event is on its way to it).
      closeQuietly(watch);
      watch = null;
      return was;
    });
    if (wasLeading) {
      try {
        io.submit(this::release).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("releasing the lease failed; peers take over when it expires: {}", e.toString());
      }
    }
    close();
  }

  @Override
  public void close() {
    call(() -> {
      stopped = true;
      cancel(tick);
      cancel(fence);
      if (leading) {
        stopLeading("elector closed");
      }
      return null;
    });
    closeQuietly(watch);
    scheduler.shutdownNow();
    // Let an API call in flight finish rather than interrupting it: an interrupted HTTP exchange can leave the
    // client's connection half-open, and the API server (or the mock in tests) waits on it.
    io.shutdown();
    try {
      if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
        io.shutdownNow();
      }
    } catch (InterruptedException e) {
      io.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void onWatched(Optional<LeaseSnapshot> change) {
    if (stopped || isStale(change)) {
      return;
    }
    record(change);
    if (!leading && change.map(LeaseSnapshot::released).orElse(true)) {
      scheduleTick(Duration.ZERO); // released or deleted: try at once rather than at the next retry
    } else if (leading && change.isPresent() && !change.get().heldBy(identity)) {
      stopLeading("lease taken by " + change.get().holder().orElse("nobody"));
      scheduleTick(timing.retryPeriod());
    }
  }

  // Watch events can arrive late, after a GET already showed a newer version: never step back in time.
  private boolean isStale(Optional<LeaseSnapshot> s) {
    if (s.isEmpty() || observed.isEmpty()) {
      return false;
    }
    try {
      return Long.parseLong(s.get().resourceVersion()) < Long.parseLong(observed.get().resourceVersion());
    } catch (NumberFormatException e) {
      return false; // resourceVersion is opaque in general; etcd and the mock use increasing integers
    }
  }

  private void record(Optional<LeaseSnapshot> s) {
    if (isStale(s)) {
      return;
    }
    boolean changed = !s.map(LeaseSnapshot::resourceVersion).equals(observed.map(LeaseSnapshot::resourceVersion));
    if (changed) {
      observed = s;
      observedAt = clock.instant();
    }
    Optional<String> holder = s.flatMap(LeaseSnapshot::holder);
    if (!holder.equals(lastAnnouncedHolder)) {
      lastAnnouncedHolder = holder;
      LOG.info("lease holder is now {}", holder.orElse("(released)"));
      listener.onNewLeader(holder);
    }
  }

  private void scheduleTick(Duration delay) {
    if (stopped) {
      return;
    }
    cancel(tick);
    try {
      tick = scheduler.schedule(guarded(this::attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("elector closed; not scheduling another attempt");
    }
  }

  // On the scheduler thread: decide, then run the API call on the io thread and come back with the result.
  private void attempt() {
    if (stopped) {
      return;
    }
    if (inFlight) {
      retryWhenLanded = true;
      return;
    }
    inFlight = true;
    Instant sent = clock.instant();
    Optional<LeaseSnapshot> base = observed;
    Instant seenAt = observedAt;
    boolean wasLeading = leading;
    io.execute(() -> {
      Outcome outcome = tryAcquireOrRenew(base, seenAt, sent, wasLeading);
      post(() -> apply(outcome, sent, base, seenAt));
    });
  }

  private record Outcome(Optional<LeaseSnapshot> lease, boolean holding, Exception error) {}

  // On the io thread.
  private Outcome tryAcquireOrRenew(Optional<LeaseSnapshot> known, Instant seenAt, Instant now, boolean wasLeading) {
    try {
      Optional<LeaseSnapshot> current = store.get();
      if (current.isEmpty()) {
        LeaseSnapshot created = store.create(new LeaseSnapshot(Optional.of(identity), timing.leaseDuration(), now, now, 0, null));
        return new Outcome(Optional.of(created), true, null);
      }
      LeaseSnapshot c = current.get();
      if (c.heldBy(identity)) {
        LeaseSnapshot renewed = store.update(new LeaseSnapshot(Optional.of(identity), timing.leaseDuration(),
            wasLeading ? c.acquireTime() : now, now, c.transitions(), c.resourceVersion()));
        return new Outcome(Optional.of(renewed), true, null);
      }
      if (c.released() || expiredFor(c, known, seenAt)) {
        LeaseSnapshot taken = store.update(new LeaseSnapshot(Optional.of(identity), timing.leaseDuration(), now, now,
            c.transitions() + 1, c.resourceVersion()));
        return new Outcome(Optional.of(taken), true, null);
      }
      return new Outcome(current, false, null);
    } catch (LeaseStore.ConflictException e) {
      LOG.debug("lease write conflict (another candidate or a renewal won): {}", e.getMessage());
      return new Outcome(null, false, e);
    } catch (RuntimeException e) {
      return new Outcome(null, false, e);
    }
  }

  // Expired only if the version we read is the one we have watched unchanged for a whole lease duration.
  private boolean expiredFor(LeaseSnapshot current, Optional<LeaseSnapshot> known, Instant seenAt) {
    boolean sameVersion = known.map(LeaseSnapshot::resourceVersion).filter(current.resourceVersion()::equals).isPresent();
    return sameVersion && seenAt != null
        && !clock.instant().isBefore(seenAt.plus(current.leaseDuration()));
  }

  // On the scheduler thread.
  // base/seenAt: the record the attempt decided on (our own write's watch event may already have replaced it).
  private void apply(Outcome o, Instant sent, Optional<LeaseSnapshot> base, Instant seenAt) {
    inFlight = false;
    if (stopped) {
      return;
    }
    applyOutcome(o, sent, base, seenAt);
    if (retryWhenLanded) {
      retryWhenLanded = false;
      if (!leading) {
        scheduleTick(Duration.ZERO);
      }
    }
  }

  private void applyOutcome(Outcome o, Instant sent, Optional<LeaseSnapshot> before, Instant beforeAt) {
    if (o.error() != null) {
      if (!(o.error() instanceof LeaseStore.ConflictException)) {
        LOG.warn("lease {} failed: {}", leading ? "renewal" : "acquisition", o.error().toString());
      }
      scheduleTick(leading ? timing.retryPeriod().dividedBy(2) : timing.retryPeriod());
      return;
    }
    record(o.lease());
    if (o.holding() && !clock.instant().isBefore(sent.plus(timing.renewDeadline()))) {
      // The write succeeded but took longer than the renew deadline: we may not announce on it. Renew at once.
      LOG.warn("lease write took longer than the renew deadline {}; not announcing on it", timing.renewDeadline());
      scheduleTick(Duration.ZERO);
      return;
    }
    if (o.holding()) {
      lastRenewSent = sent;
      armFence();
      if (!leading) {
        leading = true;
        // Takeover gap: from the last change of the previous holder we observed (its last renewal, or its release)
        // to now. Unknown on a fresh Lease or when the record was ours.
        lastTakeoverGap = before.filter(b -> !b.heldBy(identity)).isPresent() && beforeAt != null
            ? Optional.of(Duration.between(beforeAt, clock.instant())) : Optional.empty();
        LOG.info("acquired the lease as {} (transitions={})", identity,
            o.lease().map(LeaseSnapshot::transitions).orElse(0));
        listener.onStartedLeading();
      }
      scheduleTick(timing.retryPeriod());
    } else {
      if (leading) {
        stopLeading("lease held by " + o.lease().flatMap(LeaseSnapshot::holder).orElse("nobody"));
      }
      scheduleTick(untilExpiry().orElse(timing.retryPeriod()));
    }
  }

  // Next attempt at expiry of the observed record, bounded by the retry period.
  private Optional<Duration> untilExpiry() {
    if (observed.isEmpty() || observedAt == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), observedAt.plus(observed.get().leaseDuration()));
    if (left.isNegative()) {
      left = Duration.ZERO;
    }
    return Optional.of(left.compareTo(timing.retryPeriod()) < 0 ? left : timing.retryPeriod());
  }

  private void armFence() {
    cancel(fence);
    Duration wait = Duration.between(clock.instant(), lastRenewSent.plus(timing.renewDeadline()));
    fence = scheduler.schedule(guarded(() -> {
      if (leading) {
        stopLeading("not renewed within the renew deadline " + timing.renewDeadline() + " (fenced)");
        scheduleTick(timing.retryPeriod());
      }
    }), Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
  }

  private void stopLeading(String reason) {
    leading = false;
    cancel(fence);
    LOG.info("stopped leading: {}", reason);
    listener.onStoppedLeading();
  }

  private Void release() {
    Optional<LeaseSnapshot> current = store.get();
    if (current.isPresent() && current.get().heldBy(identity)) {
      LeaseSnapshot c = current.get();
      store.update(new LeaseSnapshot(Optional.empty(), c.leaseDuration(), c.acquireTime(), clock.instant(),
          c.transitions(), c.resourceVersion()));
      LOG.info("released the lease");
    }
    return null;
  }

  private <T> T call(java.util.concurrent.Callable<T> task) {
    if (scheduler.isShutdown() || Thread.currentThread() == schedulerThread) {
      try {
        return task.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return scheduler.submit(task).get();
    } catch (java.util.concurrent.RejectedExecutionException e) {
      try {
        return task.call(); // closed meanwhile: nothing runs on the scheduler any more
      } catch (Exception inner) {
        throw new IllegalStateException(inner);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  // Runs a step on the scheduler thread; after close() there is nothing left to do.
  private void post(Runnable step) {
    try {
      scheduler.execute(guarded(step));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("elector closed; dropping a late step");
    }
  }

  // A scheduled task's exception would vanish into its Future and silently stop the election: log it and keep
  // campaigning instead.
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("lease election step failed; retrying in {}", timing.retryPeriod(), e);
        inFlight = false;
        scheduleTick(timing.retryPeriod());
      }
    };
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("closing lease watch: {}", e.toString());
      }
    }
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static String requireIdentity(String identity) {
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("vip_nodename: must not be empty (it is this node's identity in the lease)");
    }
    return identity;
  }
}
