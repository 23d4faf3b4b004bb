// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.in.ReconcileControlPlaneVipCommand;
import io.kubevip.ports.in.ReconcileControlPlaneVipUseCase;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.MetricsPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ties the control-plane lease to the control-plane VIPs: on gaining it, serve; on losing it, withdraw and remove
 * first, then run the loss policy (kube-vip exits so Kubernetes restarts it; the app passes that as
 * {@code onLeadershipLost}). Callbacks run on the election adapter's thread.
 */
public final class ControlPlaneLeadership implements LeadershipCallbacks {
  private static final System.Logger LOG = System.getLogger(ControlPlaneLeadership.class.getName());
  private final ReconcileControlPlaneVipUseCase useCase;
  private final LeaseName lease;
  private final List<VipAddress> vips;
  private final InterfaceName iface;
  private final MetricsPort metrics;
  private final Runnable onLeadershipLost;
  // release() during graceful shutdown also ends in onStoppedLeading; the VIPs must still be withdrawn, but the
  // loss policy (typically System.exit) must not run while the app is already stopping (JOSDK stoppingGracefully).
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile Optional<String> leader = Optional.empty();

  public ControlPlaneLeadership(ReconcileControlPlaneVipUseCase useCase, LeaseName lease, List<VipAddress> vips,
      InterfaceName iface, MetricsPort metrics, Runnable onLeadershipLost) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.vips = List.copyOf(vips);
    this.iface = Objects.requireNonNull(iface, "iface");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.onLeadershipLost = Objects.requireNonNull(onLeadershipLost, "onLeadershipLost");
  }

  /** Starts campaigning for the lease. */
  public void start(LeaderElectionPort election) {
    election.run(lease, this);
  }

  /** Graceful shutdown: withdraws (via onStoppedLeading) and gives the lease up without the loss policy. */
  public void shutdown(LeaderElectionPort election) {
    stopping.set(true);
    election.release(lease);
  }

  @Override
  public void onStartedLeading() {
    metrics.leadershipChanged(lease, true);
    try {
      useCase.reconcile(new ReconcileControlPlaneVipCommand(vips, iface, true));
    } catch (RuntimeException e) {
      // Stay leader: the periodic repair reconcile retries. Throwing into the election thread could end the campaign.
      LOG.log(System.Logger.Level.WARNING, "serving control-plane VIPs " + vips + " on " + iface + " after acquiring "
          + lease + " failed; the next reconcile retries", e);
    }
  }

  @Override
  public void onStoppedLeading() {
    try {
      useCase.reconcile(new ReconcileControlPlaneVipCommand(vips, iface, false));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "withdrawing control-plane VIPs " + vips + " from " + iface + " after losing "
          + lease + " failed", e);
    } finally {
      metrics.leadershipChanged(lease, false);
      // Even when withdrawing failed the loss policy runs: a restarted process is not leader and removes leftovers.
      if (!stopping.get()) {
        onLeadershipLost.run();
      }
    }
  }

  @Override
  public void onNewLeader(String identity) {
    leader = Optional.of(identity);
  }

  /** The last holder the election reported, for health and logs. */
  public Optional<String> currentLeader() {
    return leader;
  }
}
