// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static io.kubevip.app.services.SingleServicesNode.ETH0;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLinkWatchPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Service VIP deleted behind the node's back comes back at once, not at the next safety pass (an hour here), and a
 * VIP the node removes on purpose is left removed.
 */
class ServicesNodeVipRepairTest {
  private static final VipAddress VIP = VipAddress.parse("192.0.2.50");
  private static final VipBinding BINDING = new VipBinding(VIP, ETH0);
  private static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");

  @RegisterExtension
  final SingleServicesNode services = new SingleServicesNode();
  private final FakeServiceCluster cluster = services.cluster;
  private final FakeVipAddressPort addresses = services.addresses;
  private final FakeL2AnnouncePort l2 = services.l2;
  private final FakeLinkWatchPort linkWatch = new FakeLinkWatchPort(addresses);

  private void startNode(InterfaceMonitor monitor) {
    cluster.watch().upsert(new ServiceIntent(WEB, Optional.empty(), List.of(VIP.hostText()),
        List.of(ServicePort.tcp(80)), null, null, null, Optional.empty(), Optional.empty(), false, false));
    services.monitor(monitor).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(ETH0).contains(VIP));
  }

  @Test
  void givenAnnouncedServiceVip_whenDeletedBehindOurBack_thenAddedAndAnnouncedAgainAtOnce() {
    startNode(InterfaceMonitor.over(linkWatch));
    await().atMost(Duration.ofSeconds(5)).until(() -> linkWatch.guardedBindings().contains(BINDING));
    long bursts = l2.bursts(VIP, ETH0);

    linkWatch.deleteExternally(BINDING);

    await().atMost(Duration.ofSeconds(5)).until(() -> addresses.addresses(ETH0).contains(VIP));
    await().atMost(Duration.ofSeconds(5)).until(() -> l2.bursts(VIP, ETH0) > bursts);
  }

  @Test
  void givenAnnouncedServiceVip_whenServiceDeleted_thenRemovedAndUnguarded() {
    startNode(InterfaceMonitor.over(linkWatch));
    await().atMost(Duration.ofSeconds(5)).until(() -> linkWatch.guardedBindings().contains(BINDING));

    cluster.watch().delete(WEB);

    await().atMost(Duration.ofSeconds(5)).until(() -> !addresses.addresses(ETH0).contains(VIP)
        && linkWatch.guardedBindings().isEmpty());
  }
}
