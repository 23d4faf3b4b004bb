// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.lease.LeaseClock;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseRecord;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.ports.out.LeadershipCallbacks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lease objects of a fake cluster, shared by several {@link FakeLeaderElectionPort}s (one per simulated
 * node) so they contend like real nodes: the first campaigner leads, others wait in order, and a release or
 * {@link #loseLease} hands the lease to the next one. Callbacks run synchronously on the calling thread, after
 * the store's lock is released.
 */
public final class FakeLeaseStore {
  private final LeaseClock leaseClock;
  private final Map<LeaseName, LeaseRecord> records = new HashMap<>();
  private final Map<LeaseName, LinkedHashMap<String, LeadershipCallbacks>> candidates = new HashMap<>();

  public FakeLeaseStore(Clock clock) {
    this.leaseClock = new LeaseClock(clock, LeaseTiming.DEFAULT);
  }

  public FakeLeaseStore() {
    this(Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
  }

  public synchronized Optional<LeaseRecord> record(LeaseName lease) {
    return Optional.ofNullable(records.get(lease));
  }

  /** The current holder, empty when free. */
  public synchronized Optional<String> holder(LeaseName lease) {
    return record(lease).filter(LeaseRecord::hasHolder).map(LeaseRecord::holder);
  }

  /**
   * Simulates the holder failing to renew until its fencing deadline: it is told it stopped leading and the
   * next candidate takes over (the holder stays a candidate, at the back).
   */
  public void loseLease(LeaseName lease) {
    List<Runnable> effects = new ArrayList<>();
    synchronized (this) {
      Optional<String> holder = holder(lease);
      if (holder.isEmpty()) {
        return;
      }
      LinkedHashMap<String, LeadershipCallbacks> queue = candidates.get(lease);
      LeadershipCallbacks cb = queue.remove(holder.get());
      effects.add(cb::onStoppedLeading);
      records.put(lease, records.get(lease).released(leaseClock.now()));
      handOver(lease, effects);
      queue.put(holder.get(), cb);
      Optional<String> next = holder(lease);
      if (next.isEmpty()) {
        handOver(lease, effects); // nobody else waiting: the old holder re-acquires, as it would for real
      } else {
        effects.add(() -> cb.onNewLeader(next.get()));
      }
    }
    effects.forEach(Runnable::run);
  }

  boolean join(LeaseName lease, String identity, LeadershipCallbacks callbacks) {
    List<Runnable> effects = new ArrayList<>();
    synchronized (this) {
      LinkedHashMap<String, LeadershipCallbacks> queue = candidates.computeIfAbsent(lease, k -> new LinkedHashMap<>());
      if (queue.containsKey(identity)) {
        return false;
      }
      queue.put(identity, callbacks);
      Optional<String> holder = holder(lease);
      if (holder.isPresent()) {
        String h = holder.get();
        effects.add(() -> callbacks.onNewLeader(h));
      } else {
        handOver(lease, effects);
      }
    }
    effects.forEach(Runnable::run);
    return true;
  }

  void leave(LeaseName lease, String identity) {
    List<Runnable> effects = new ArrayList<>();
    synchronized (this) {
      LinkedHashMap<String, LeadershipCallbacks> queue = candidates.get(lease);
      if (queue == null || !queue.containsKey(identity)) {
        return;
      }
      LeadershipCallbacks cb = queue.remove(identity);
      if (holder(lease).filter(identity::equals).isPresent()) {
        effects.add(cb::onStoppedLeading);
        records.put(lease, records.get(lease).released(leaseClock.now()));
        handOver(lease, effects);
      }
    }
    effects.forEach(Runnable::run);
  }

  // Gives a free lease to the first waiting candidate and tells everyone. Caller holds the lock.
  private void handOver(LeaseName lease, List<Runnable> effects) {
    LinkedHashMap<String, LeadershipCallbacks> queue = candidates.getOrDefault(lease, new LinkedHashMap<>());
    if (queue.isEmpty()) {
      return;
    }
    String next = queue.keySet().iterator().next();
    records.put(lease, leaseClock.take(Optional.ofNullable(records.get(lease)), next));
    LeadershipCallbacks winner = queue.get(next);
    effects.add(winner::onStartedLeading);
    for (LeadershipCallbacks cb : List.copyOf(queue.values())) {
      effects.add(() -> cb.onNewLeader(next));
    }
  }
}
