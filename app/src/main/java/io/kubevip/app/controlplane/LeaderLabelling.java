// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.service.KubeVipNodeLabels;
import io.kubevip.ports.service.NodeLabelSync;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * kube-vip's {@code kube-vip.io/has-ip=<vip>} on the control-plane leader ({@code enable_node_labeling}), as a
 * decorator of the control-plane election, so the ARP and BGP control planes stay unaware of it: the label is set
 * after {@code onStartedLeading} has put the VIP up and removed after {@code onStoppedLeading} has taken it down.
 *
 * <p>The API write never runs on the election thread (a slow API server must not delay renewals): it runs on this
 * decorator's own thread and is retried every {@code retry} until it lands. The exception is {@link
 * LeaderElectionPort#release}, called at shutdown: the removal is written before it returns, so a stopped node does
 * not keep the label. The first campaign also removes a {@code has-ip} an earlier run left on this node.
 */
public final class LeaderLabelling implements LeaderElectionPort, AutoCloseable {
  private final LeaderElectionPort election;
  private final NodeLabelSync sync;
  private final Map<String, String> leaderLabels;
  private final Duration retry;
  private final ScheduledThreadPoolExecutor thread;
  private final AtomicBoolean retryQueued = new AtomicBoolean();
  private volatile Map<String, String> desired = Map.of();

  /**
   * @param vips the control-plane VIPs (the label's value)
   * @param retry how long after a failed write it is tried again
   */
  public LeaderLabelling(LeaderElectionPort election, NodeLabelsPort labels, NodeId self, List<VipAddress> vips,
      Duration retry) {
    this.election = Objects.requireNonNull(election, "election");
    this.sync = new NodeLabelSync(labels, self, KubeVipNodeLabels.HAS_IP::equals);
    this.leaderLabels = KubeVipNodeLabels.leader(vips);
    this.retry = Objects.requireNonNull(retry, "retry");
    this.thread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "control-plane-labels");
      t.setDaemon(true);
      return t;
    });
    thread.setKeepAliveTime(10, TimeUnit.SECONDS);
    thread.allowCoreThreadTimeOut(true); // idle between leadership changes
  }

  /** {@code election} unchanged when labelling is off. */
  public static LeaderElectionPort wrap(LeaderElectionPort election, NodeLabelsPort labels, NodeId self,
      List<VipAddress> vips, Duration retry) {
    return labels == NodeLabelsPort.NONE ? election : new LeaderLabelling(election, labels, self, vips, retry);
  }

  @Override
  public void run(LeaseName lease, LeadershipCallbacks callbacks) {
    Objects.requireNonNull(callbacks, "callbacks");
    election.run(lease, new LeadershipCallbacks() {
      @Override
      public void onStartedLeading() {
        callbacks.onStartedLeading();
        want(leaderLabels);
      }

      @Override
      public void onStoppedLeading() {
        callbacks.onStoppedLeading();
        want(Map.of());
      }

      @Override
      public void onNewLeader(String identity) {
        callbacks.onNewLeader(identity);
      }
    });
    submit(0); // removes a has-ip left by an earlier run unless we lead by then
  }

  @Override
  public void release(LeaseName lease) {
    election.release(lease);
    desired = Map.of();
    sync.sync(Map.of());
  }

  /** What this node carries as far as this decorator wrote, for tests. */
  Map<String, String> applied() {
    return sync.applied();
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void want(Map<String, String> labels) {
    desired = labels;
    submit(0);
  }

  private void submit(long delayMillis) {
    try {
      thread.schedule(this::syncNow, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void syncNow() {
    Map<String, String> target = desired;
    if (!sync.sync(target) && retryQueued.compareAndSet(false, true)) { // the failure is logged by the sync
      try {
        thread.schedule(() -> {
          retryQueued.set(false);
          syncNow();
        }, retry.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        retryQueued.set(false); // closed
      }
    }
  }
}
