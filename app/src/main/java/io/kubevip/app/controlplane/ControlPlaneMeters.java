// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control plane's meters with kube-vip's names where kube-vip has one ({@code kube_vip_is_leader},
 * {@code kube_vip_leader_election_transitions_total}) and {@code kubevip_*} for what kube-vip does not measure.
 * {@link #metered} gives any other election (the BGP control plane's {@code vip_leasename}, {@code svc_leasename})
 * the same two leadership meters, one series per lease.
 */
public final class ControlPlaneMeters {
  private final MeterRegistry registry;
  private final Leadership leadership;
  private final Timer acquireToAnnounce;
  private final Timer failover;

  public ControlPlaneMeters(MeterRegistry registry, String node, LeaseName lease) {
    this.registry = registry;
    leadership = new Leadership(registry, node, lease);
    acquireToAnnounce = Timer.builder("kubevip_acquire_to_announce")
        .description("From acquiring the lease to the VIP being on the interface and announced")
        .publishPercentileHistogram().register(registry);
    failover = Timer.builder("kubevip_failover")
        .description("From the previous holder's last renewal or release, as this node observed it, to our announce")
        .publishPercentileHistogram().register(registry);
  }

  void failedOver(Duration took) {
    failover.record(took);
  }

  void leading(boolean leading) {
    leadership.leading(leading);
  }

  /**
   * {@code kube_vip_is_leader{node,lease_name}} (1 while this node holds the lease) and
   * {@code kube_vip_leader_election_transitions_total{lease_name}} for one lease. Thread-safe.
   */
  public static final class Leadership {
    private final AtomicInteger leader = new AtomicInteger();
    private final Counter transitions;

    public Leadership(MeterRegistry registry, String node, LeaseName lease) {
      Gauge.builder("kube_vip_is_leader", leader, AtomicInteger::get)
          .description("1 while this node holds the lease named by lease_name")
          .tag("node", node).tag("lease_name", lease.name()).register(registry);
      transitions = Counter.builder("kube_vip_leader_election_transitions")
          .description("Leadership gained or lost by this node").tag("lease_name", lease.name()).register(registry);
    }

    public void leading(boolean leading) {
      if ((leader.getAndSet(leading ? 1 : 0) == 1) != leading) {
        transitions.increment();
      }
    }

    public boolean leading() {
      return leader.get() == 1;
    }
  }

  /**
   * {@code election} with the leadership meters of each lease it campaigns for: the gauge goes to 1 after
   * {@code onStartedLeading} returned (the node serves by then) and to 0 before {@code onStoppedLeading} runs.
   */
  public static LeaderElectionPort metered(LeaderElectionPort election, MeterRegistry registry, String node) {
    Objects.requireNonNull(election, "election");
    Map<LeaseName, Leadership> meters = new ConcurrentHashMap<>();
    return new LeaderElectionPort() {
      @Override
      public void run(LeaseName lease, LeadershipCallbacks callbacks) {
        Leadership meter = meters.computeIfAbsent(lease, l -> new Leadership(registry, node, l));
        election.run(lease, new LeadershipCallbacks() {
          @Override
          public void onStartedLeading() {
            callbacks.onStartedLeading();
            meter.leading(true);
          }

          @Override
          public void onStoppedLeading() {
            meter.leading(false);
            callbacks.onStoppedLeading();
          }

          @Override
          public void onNewLeader(String identity) {
            callbacks.onNewLeader(identity);
          }
        });
      }

      @Override
      public void release(LeaseName lease) {
        election.release(lease);
      }
    };
  }

  void acquiredToAnnounced(Duration took) {
    acquireToAnnounce.record(took);
  }

  void announced(VipAddress vip, InterfaceName iface) {
    Counter.builder("kubevip_gratuitous_sent").description("Gratuitous ARP / unsolicited NA bursts sent")
        .tag("vip", vip.hostText()).tag("interface", iface.name()).register(registry).increment();
  }

  void duplicateAnswers(VipAddress vip, int macs) {
    Counter.builder("kubevip_duplicate_answers").description("Other hosts found answering for a VIP we hold")
        .tag("vip", vip.hostText()).register(registry).increment(macs);
  }
}
