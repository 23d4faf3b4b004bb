// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceStatusPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A report the status port has accepted but not written yet (reports written by their own thread) is not reported
 * again when the watch has not shown it within the echo timeout: that would only duplicate its Event.
 */
class ServicesReportPendingTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final ClusterModel model = new ClusterModel();
  private final SteppingClock clock = new SteppingClock();
  private final Unechoed status = new Unechoed(cluster.status());

  /** Records reports without writing them (the watch never shows them); says pending as told. */
  static final class Unechoed extends ForwardingServiceStatusPort {
    final List<String> reports = new CopyOnWriteArrayList<>();
    volatile boolean pending;

    Unechoed(ServiceStatusPort delegate) {
      super(delegate);
    }

    @Override
    public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
        ServiceCondition condition) {
      reports.add(service.name() + " -> " + announcedBy.map(NodeId::name).orElse("none"));
    }

    @Override
    public boolean reportPending(ServiceRef service) {
      return pending;
    }
  }

  private ServicesController node() {
    return LeaseHolderController.create(cluster, model, SELF, ETH0, addresses, status, clock);
  }

  @Test
  void givenAReportStillQueued_whenTheEchoTimeoutPasses_thenNotReportedAgain_untilItIsNoLongerPending() {
    ServicesController c = node();
    cluster.watch().upsert(Svc.of("default", "web").requesting("10.0.0.50").build());
    status.pending = true;

    c.reconcile();
    assertThat(addresses.addresses(ETH0)).containsExactly(VipAddress.parse("10.0.0.50"));
    assertThat(status.reports).containsExactly("web -> node-1");

    clock.advance(ServicesController.WRITE_ECHO_TIMEOUT.plus(Duration.ofSeconds(5)));
    c.reconcile();
    assertThat(status.reports).as("still queued: not again").hasSize(1);
    assertThat(cluster.status().events(Svc.ref("default", "web"))).hasSize(1);

    status.pending = false; // written (or failed) and still not shown by the watch: write it again
    c.reconcile();
    assertThat(status.reports).containsExactly("web -> node-1", "web -> node-1");
  }
}
