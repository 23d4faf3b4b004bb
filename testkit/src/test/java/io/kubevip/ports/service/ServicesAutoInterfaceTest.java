// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.fakes.FakeInterfaceSubnetsPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code auto} interfaces, on one node that holds {@code svc_leasename}: eth0 is vip_interface, eth1 a second LAN. */
class ServicesAutoInterfaceTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName ETH1 = InterfaceName.of("eth1");
  private static final InterfaceName ETH2 = InterfaceName.of("eth2");
  private static final NodeId SELF = NodeId.of("node-1");

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0, ETH1, ETH2);
  private final FakeL2AnnouncePort l2 = new FakeL2AnnouncePort(ETH0, ETH1, ETH2);
  private final FakeInterfaceSubnetsPort subnets = new FakeInterfaceSubnetsPort()
      .withSubnet(ETH0, "10.0.0.5/24").withSubnet(ETH1, "192.168.50.5/24").withSubnet(ETH2, "172.16.0.5/24");
  private final ClusterModel model = new ClusterModel();

  private ServicesController node(Optional<InterfaceName> servicesInterface) {
    FakeLivenessCluster liveness = new FakeLivenessCluster();
    FakeNodeLivenessPort live = new FakeNodeLivenessPort(liveness, SELF);
    live.start((l, v) -> {});
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    cluster.watch().watch(model);
    ServicesController c = new ServicesController(new ServicesSettings(SELF, ETH0, servicesInterface, false,
        Optional.empty()), model, live, new PlanExecutor(addresses, VipAnnouncer.l2(l2), MetricsPort.NOOP),
        cluster.status(), MetricsPort.NOOP, java.time.Clock.systemUTC(), subnets);
    c.serviceLeaseHolder(Optional.of(SELF));
    return c;
  }

  @Test
  void givenServiceInterfaceAuto_whenVipInSecondLansSubnet_thenAnnouncedOnThatInterface() {
    ServicesController c = node(Optional.empty());
    cluster.watch().upsert(Svc.of("default", "web").requesting("192.168.50.77").serviceInterface("auto").build());

    c.reconcile();

    assertThat(addresses.addresses(ETH1)).containsExactly(VipAddress.parse("192.168.50.77"));
    assertThat(addresses.addresses(ETH0)).isEmpty();
    assertThat(events(Svc.ref("default", "web"))).anySatisfy(e -> assertThat(e.message())
        .isEqualTo("announcing 192.168.50.77 from node-1 on eth1"));
  }

  @Test
  void givenServiceInterfaceAuto_whenNoSubnetHoldsTheVip_thenDefaultInterfaceAndTheEventSaysWhy() {
    ServicesController c = node(Optional.of(ETH2));
    cluster.watch().upsert(Svc.of("default", "web").requesting("203.0.113.9").serviceInterface("auto").build());

    c.reconcile();
    c.reconcile();

    assertThat(addresses.addresses(ETH2)).containsExactly(VipAddress.parse("203.0.113.9"));
    assertThat(events(Svc.ref("default", "web"))).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("announcing 203.0.113.9 from node-1 on eth2 (kube-vip.io/serviceInterface is auto but no"
            + " interface has a subnet holding 203.0.113.9; using eth2)"));
  }

  @Test
  void givenVipServicesInterfaceAuto_whenServicesNameNoInterface_thenEachVipOnItsSubnetsInterface_elseVipInterface() {
    ServicesController c = node(Optional.of(InterfaceName.of("auto")));
    cluster.watch().upsert(Svc.of("default", "a").requesting("192.168.50.10").build());
    cluster.watch().upsert(Svc.of("default", "b").requesting("172.16.0.10").build());
    cluster.watch().upsert(Svc.of("default", "c").requesting("198.51.100.10").build());

    c.reconcile();

    assertThat(addresses.addresses(ETH1)).containsExactly(VipAddress.parse("192.168.50.10"));
    assertThat(addresses.addresses(ETH2)).containsExactly(VipAddress.parse("172.16.0.10"));
    assertThat(addresses.addresses(ETH0)).containsExactly(VipAddress.parse("198.51.100.10"));
    assertThat(events(Svc.ref("default", "c"))).singleElement().satisfies(e -> assertThat(e.message())
        .contains("vip_servicesinterface is auto but no interface has a subnet holding 198.51.100.10; using eth0"));
  }

  @Test
  void givenNamedServiceInterface_whenSubnetElsewhere_thenTheNamedOneWins_andSubnetsNotAsked() {
    ServicesController c = node(Optional.empty());
    cluster.watch().upsert(Svc.of("default", "web").requesting("192.168.50.77").serviceInterface("eth2").build());

    c.reconcile();

    assertThat(addresses.addresses(ETH2)).containsExactly(VipAddress.parse("192.168.50.77"));
    assertThat(subnets.reads()).isZero();
  }

  @Test
  void givenSubnetsUnreadable_whenAuto_thenDefaultInterfaceAndOtherServicesUnaffected() {
    ServicesController c = node(Optional.empty());
    subnets.failing(new PortException("netlink dump interrupted"));
    cluster.watch().upsert(Svc.of("default", "auto").requesting("192.168.50.77").serviceInterface("auto").build());
    cluster.watch().upsert(Svc.of("default", "named").requesting("192.168.50.78").serviceInterface("eth1").build());

    ServicesPass pass = c.reconcile();

    assertThat(pass.succeeded()).isTrue();
    assertThat(addresses.addresses(ETH0)).containsExactly(VipAddress.parse("192.168.50.77"));
    assertThat(addresses.addresses(ETH1)).containsExactly(VipAddress.parse("192.168.50.78"));
    assertThat(events(Svc.ref("default", "auto"))).singleElement().satisfies(e -> assertThat(e.message())
        .contains("reading the interface subnets failed (netlink dump interrupted)"));
  }

  @Test
  void givenTwoAutoServices_whenTwoPasses_thenSubnetsReadOncePerPass() {
    ServicesController c = node(Optional.of(InterfaceName.of("auto")));
    cluster.watch().upsert(Svc.of("default", "a").requesting("192.168.50.10").build());
    cluster.watch().upsert(Svc.of("default", "b").requesting("192.168.50.11").build());

    c.reconcile();
    int first = subnets.reads();
    c.reconcile();

    assertThat(first).isEqualTo(1); // one read answers both VIPs
    assertThat(subnets.reads()).isEqualTo(2); // and the next pass reads afresh
  }

  private java.util.List<ServiceEvent> events(ServiceRef ref) {
    return cluster.status().events(ref);
  }
}
