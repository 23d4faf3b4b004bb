// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pass before the watch's initial listing is complete changes nothing: half a listing is not the cluster. */
class ServicesBeforeSyncTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final VipAddress KEPT = VipAddress.parse("10.0.0.60");
  private static final VipAddress NEW = VipAddress.parse("10.0.0.61");

  @Test
  void givenAHalfDeliveredListing_whenAPassRuns_thenNoAddressIsRemovedOrAdded_untilSynced() {
    FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
    addresses.add(KEPT, ETH0); // announced by this node before its restart; its Service is not delivered yet
    ClusterModel model = new ClusterModel();
    model.nodeUpserted(new NodeInfo(SELF, true, true, Map.of()));
    model.serviceUpserted(Svc.of("default", "new").requesting(NEW.hostText()).build());
    FakeNodeLivenessPort live = new FakeNodeLivenessPort(new FakeLivenessCluster(), SELF);
    live.start((l, v) -> {});
    ServicesController c = new ServicesController(new ServicesSettings(SELF, ETH0, Optional.empty(), false,
        Optional.empty()), model, live, new PlanExecutor(addresses, VipAnnouncer.l2(new FakeL2AnnouncePort(ETH0)),
        MetricsPort.NOOP), new FakeServiceCluster().status(), MetricsPort.NOOP, java.time.Clock.systemUTC());
    c.serviceLeaseHolder(Optional.of(SELF));

    ServicesPass before = c.reconcile();

    assertThat(before.executed()).isEmpty();
    assertThat(addresses.addresses(ETH0)).containsExactly(KEPT);

    model.serviceUpserted(Svc.of("default", "kept").requesting(KEPT.hostText()).build());
    model.synced();
    c.reconcile();

    assertThat(addresses.addresses(ETH0)).containsExactlyInAnyOrder(KEPT, NEW);
  }
}
