// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control plane's meters with kube-vip's names where kube-vip has one ({@code kube_vip_is_leader},
 * {@code kube_vip_leader_election_transitions_total}) and {@code kubevip_*} for what kube-vip does not measure.
 */
public final class ControlPlaneMeters {
  private final MeterRegistry registry;
  private final AtomicInteger leader = new AtomicInteger();
  private final Counter transitions;
  private final Timer acquireToAnnounce;
  private final Timer failover;

  public ControlPlaneMeters(MeterRegistry registry, String node, LeaseName lease) {
    this.registry = registry;
    Gauge.builder("kube_vip_is_leader", leader, AtomicInteger::get)
        .description("1 while this node holds the control-plane lease")
        .tag("node", node).tag("lease_name", lease.name()).register(registry);
    transitions = Counter.builder("kube_vip_leader_election_transitions")
        .description("Leadership gained or lost by this node").tag("lease_name", lease.name()).register(registry);
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
    if ((leader.getAndSet(leading ? 1 : 0) == 1) != leading) {
      transitions.increment();
    }
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
