// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link LeaderElectionPort} on {@code coordination.k8s.io/v1} Leases: one {@link LeaseElector} per lease, every
 * API call retried on transient failures (see {@link RetryingLeaseStore}). The identity is this node's name
 * ({@code vip_nodename}, else the lower-cased host name), chosen by the caller.
 */
public final class KubernetesLeaderElection implements LeaderElectionPort {
  /** How long {@link #release} waits for the hand-over write before peers fall back to expiry. */
  static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

  private final Function<LeaseName, LeaseStore> stores;
  private final String identity;
  private final LeaseTiming timing;
  private final Clock clock;
  private final Map<LeaseName, LeaseElector> running = new ConcurrentHashMap<>();

  KubernetesLeaderElection(Function<LeaseName, LeaseStore> stores, String identity, LeaseTiming timing, Clock clock) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Elections through {@code client}, which stays the caller's to close. */
  public static KubernetesLeaderElection on(KubernetesClient client, String identity, LeaseTiming timing, Clock clock) {
    Objects.requireNonNull(client, "client");
    return new KubernetesLeaderElection(
        lease -> RetryingLeaseStore.around(new Fabric8LeaseStore(client, lease.namespace(), lease.name()), timing),
        identity, timing, clock);
  }

  /** This node's identity in every Lease. */
  public String identity() {
    return identity;
  }

  public LeaseTiming timing() {
    return timing;
  }

  @Override
  public void run(LeaseName lease, LeadershipCallbacks callbacks) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(callbacks, "callbacks");
    LeaseElector elector = new LeaseElector(stores.apply(lease), identity, timing, clock, listener(callbacks));
    if (running.putIfAbsent(lease, elector) != null) {
      elector.close();
      throw new IllegalStateException("lease " + lease + " is already being campaigned for by " + identity
          + "; release it before running it again");
    }
    elector.start();
  }

  @Override
  public void release(LeaseName lease) {
    LeaseElector elector = running.remove(lease);
    if (elector != null) {
      elector.releaseAndStop(RELEASE_TIMEOUT);
    }
  }

  /**
   * For the last acquisition of {@code lease}: time since the previous holder's last observed renewal or release.
   * Valid inside {@code onStartedLeading}; empty when unknown (fresh Lease, not running).
   */
  public Optional<Duration> lastTakeoverGap(LeaseName lease) {
    LeaseElector e = running.get(lease);
    return e == null ? Optional.empty() : e.lastTakeoverGap();
  }

  /** True while this node holds {@code lease} and is not fenced. */
  public boolean isLeader(LeaseName lease) {
    LeaseElector e = running.get(lease);
    return e != null && e.isLeader();
  }

  private static LeaseElector.Listener listener(LeadershipCallbacks callbacks) {
    return new LeaseElector.Listener() {
      @Override
      public void onStartedLeading() {
        callbacks.onStartedLeading();
      }

      @Override
      public void onStoppedLeading() {
        callbacks.onStoppedLeading();
      }

      @Override
      public void onNewLeader(Optional<String> holder) {
        // A released Lease has no holder; the port only reports holders (the next acquisition follows at once).
        holder.ifPresent(callbacks::onNewLeader);
      }
    };
  }
}
