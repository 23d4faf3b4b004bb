// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Three simulated nodes with svc_election=true, sharing one fake cluster. */
class ServicesSimulationTest {
  private static final Map<String, String> POOLS = Map.of("cidr-team-a", "10.1.0.0/24", "cidr-global", "10.9.0.0/24",
      "cidr-v6", "10.8.0.0/28,fd00::/120");

  private final SimulatedCluster sim = new SimulatedCluster(true, 3);

  private static VipAddress ip(String text) {
    return VipAddress.parse(text);
  }

  private VipAddress addressOf(ServiceRef ref) {
    return ip(sim.cluster.addressesOf(ref).get(0));
  }

  private void assertEveryVipHasExactlyOneRunningOwnerMatchingVipHost() {
    Map<VipAddress, Set<NodeId>> served = sim.servedBy();
    for (ServiceIntent s : sim.cluster.watch().services()) {
      for (String text : s.requestedAddresses()) {
        assertThat(served.get(ip(text))).as(s.service() + " " + text).hasSize(1);
        assertThat(sim.cluster.status().announcedBy(s.service())).as(s.service() + " vipHost")
            .isEqualTo(served.get(ip(text)).stream().findFirst());
      }
    }
  }

  private void create30() {
    sim.cluster.watch().upsertPoolConfig(POOLS);
    for (int i = 0; i < 15; i++) {
      sim.cluster.watch().upsert(Svc.of("team-a", "a" + i).build());
      sim.cluster.watch().upsert(Svc.of("team-b", "b" + i).build());
    }
    sim.start();
    sim.converge();
  }

  @Test
  void given30ServicesInTwoNamespaces_whenConverged_thenEachHasAnAddressOfItsPoolAndExactlyOneOwner() {
    create30();
    for (int i = 0; i < 15; i++) {
      assertThat(sim.cluster.addressesOf(Svc.ref("team-a", "a" + i))).singleElement().asString().startsWith("10.1.0.");
      assertThat(sim.cluster.addressesOf(Svc.ref("team-b", "b" + i))).singleElement().asString().startsWith("10.9.0.");
    }
    assertThat(sim.servedBy()).hasSize(30);
    assertEveryVipHasExactlyOneRunningOwnerMatchingVipHost();
    sim.nodes.values().forEach(n -> assertThat(n.vips()).hasSizeBetween(5, 15)); // bounded load: ceil(30/3)+1
    assertThat(sim.node(1).l2.bursts(addressOf(Svc.ref("team-a", "a0")), SimulatedCluster.ETH0)
        + sim.node(2).l2.bursts(addressOf(Svc.ref("team-a", "a0")), SimulatedCluster.ETH0)
        + sim.node(3).l2.bursts(addressOf(Svc.ref("team-a", "a0")), SimulatedCluster.ETH0)).isEqualTo(1);
  }

  @Test
  void givenConverged_whenANodeDies_thenOnlyItsVipsMoveToTheOthers() {
    create30();
    Map<VipAddress, Set<NodeId>> before = sim.servedBy();
    SimulatedCluster.Node victim = sim.node(2);
    Set<VipAddress> victims = victim.vips();
    assertThat(victims).isNotEmpty();
    sim.kill(victim);
    sim.converge();
    Map<VipAddress, Set<NodeId>> after = sim.servedBy();
    assertThat(after).hasSize(30);
    after.forEach((vip, owners) -> {
      assertThat(owners).hasSize(1).doesNotContain(victim.id);
      if (!victims.contains(vip)) {
        assertThat(owners).as("unaffected " + vip).isEqualTo(before.get(vip));
      }
    });
    assertEveryVipHasExactlyOneRunningOwnerMatchingVipHost();
  }

  @Test
  void givenLocalPolicyWithEndpointsInTwoSlices_whenLocalSliceArrivesFirst_thenAnnouncedOnItsNodeAndFollowsIt() {
    sim.cluster.watch().upsertPoolConfig(POOLS);
    ServiceRef ref = Svc.ref("team-a", "local");
    sim.cluster.watch().upsert(Svc.of("team-a", "local").local().build());
    sim.cluster.watch().upsert(new EndpointNodes(ref, "local-abc", Set.of(NodeId.of("node-3"))));
    sim.cluster.watch().upsert(new EndpointNodes(ref, "local-def", Set.of()));
    sim.start();
    sim.converge();
    VipAddress vip = addressOf(ref);
    assertThat(sim.servedBy().get(vip)).containsExactly(NodeId.of("node-3"));

    sim.cluster.watch().upsert(new EndpointNodes(ref, "local-abc", Set.of()));
    sim.cluster.watch().upsert(new EndpointNodes(ref, "local-def", Set.of(NodeId.of("node-1"))));
    sim.converge();
    assertThat(sim.servedBy().get(vip)).containsExactly(NodeId.of("node-1"));
    assertThat(sim.cluster.status().announcedBy(ref)).contains(NodeId.of("node-1"));

    sim.cluster.watch().upsert(new EndpointNodes(ref, "local-def", Set.of()));
    sim.converge();
    assertThat(sim.servedBy()).doesNotContainKey(vip);
  }

  @Test
  void givenLocalPolicyWithoutEndpoints_whenAllowReconcileWithoutEndpoints_thenStillAnnounced() {
    sim.cluster.watch().upsertPoolConfig(POOLS);
    sim.cluster.watch().upsert(Svc.of("team-a", "bare").local().allowWithoutEndpoints().build());
    sim.cluster.watch().upsert(Svc.of("team-a", "strict").local().build());
    sim.start();
    sim.converge();
    assertThat(sim.servedBy()).containsOnlyKeys(addressOf(Svc.ref("team-a", "bare")));
  }

  @Test
  void givenConverged_whenServiceDeleted_thenItsAddressIsRemovedEverywhere() {
    create30();
    ServiceRef gone = Svc.ref("team-b", "b3");
    VipAddress vip = addressOf(gone);
    sim.cluster.watch().delete(gone);
    sim.converge();
    assertThat(sim.servedBy()).doesNotContainKey(vip).hasSize(29);
  }

  @Test
  void givenExhaustedV6Pool_whenDualStackRequired_thenAllocationFailedAndNoPartialState() {
    sim.cluster.watch().upsertPoolConfig(Map.of("cidr-v6", "10.8.0.0/28,fd00::/127"));
    sim.cluster.watch().upsert(Svc.of("v6", "one").families(IpFamilyPolicy.SINGLE_STACK, IpFamily.IPV6).build());
    sim.cluster.watch().upsert(Svc.of("v6", "three").families(IpFamilyPolicy.SINGLE_STACK, IpFamily.IPV6).build());
    sim.cluster.watch().upsert(Svc.of("v6", "two")
        .families(IpFamilyPolicy.REQUIRE_DUAL_STACK, IpFamily.IPV4, IpFamily.IPV6).build());
    sim.start();
    sim.converge();
    ServiceRef two = Svc.ref("v6", "two");
    assertThat(sim.cluster.addressesOf(two)).isEmpty();
    assertThat(sim.cluster.status().events(two)).extracting(ServiceEvent::reason).containsExactly("AllocationFailed");
    assertThat(sim.servedBy()).hasSize(2).allSatisfy((vip, owners) -> assertThat(vip.family()).isEqualTo(IpFamily.IPV6));
  }

  @Test
  void givenTwoServicesSharingAnIp_whenConverged_thenOneNodeAnnouncesIt() {
    sim.cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.9.0.0/24", "allow-share-global", "true"));
    sim.cluster.watch().upsert(Svc.of("web", "http").requesting("10.9.0.50").ports(ServicePort.tcp(80)).build());
    sim.cluster.watch().upsert(Svc.of("web", "https").requesting("10.9.0.50").ports(ServicePort.tcp(443)).build());
    sim.start();
    sim.converge();
    assertThat(sim.servedBy().get(ip("10.9.0.50"))).hasSize(1);
    NodeId owner = sim.servedBy().get(ip("10.9.0.50")).iterator().next();
    assertThat(sim.cluster.status().announcedBy(Svc.ref("web", "http"))).contains(owner);
    assertThat(sim.cluster.status().announcedBy(Svc.ref("web", "https"))).contains(owner);
  }

  @Test
  void givenIpv6AndDualStackServices_whenConverged_thenBothFamiliesServedAndADualStackServiceStaysOnOneNode() {
    sim.cluster.watch().upsertPoolConfig(POOLS);
    for (int i = 0; i < 4; i++) {
      sim.cluster.watch().upsert(Svc.of("v6", "dual" + i)
          .families(IpFamilyPolicy.PREFER_DUAL_STACK, IpFamily.IPV6, IpFamily.IPV4).build());
    }
    sim.cluster.watch().upsert(Svc.of("v6", "six").families(IpFamilyPolicy.SINGLE_STACK, IpFamily.IPV6).build());
    sim.start();
    sim.converge();
    assertThat(sim.servedBy()).hasSize(9);
    for (int i = 0; i < 4; i++) {
      List<String> both = sim.cluster.addressesOf(Svc.ref("v6", "dual" + i));
      assertThat(both).hasSize(2);
      assertThat(sim.servedBy().get(ip(both.get(0)))).isEqualTo(sim.servedBy().get(ip(both.get(1))));
    }
    assertEveryVipHasExactlyOneRunningOwnerMatchingVipHost();
  }

  @Test
  void givenBadInputs_whenConverged_thenEventsNameTheProblemAndOtherServicesAreServed() {
    sim.cluster.watch().upsertPoolConfig(Map.of("cidr-team-a", "10.1.0.0/29,10.1.0.256/32", "cidr-global", "10.9.0.0/24"));
    sim.cluster.watch().upsert(Svc.of("team-a", "pooled").build());
    sim.cluster.watch().upsert(Svc.of("team-b", "holder").requesting("10.9.0.7").build());
    sim.cluster.watch().upsert(Svc.of("team-b", "thief").requesting("10.9.0.7").build());
    sim.cluster.watch().upsert(Svc.of("team-b", "outside").requesting("192.0.2.9").build());
    sim.cluster.watch().upsert(Svc.of("team-b", "fine").build());
    sim.start();
    sim.converge();
    Map<String, List<ServiceEvent>> events = new HashMap<>();
    for (String n : List.of("pooled", "holder", "thief", "outside", "fine")) {
      String ns = n.equals("pooled") ? "team-a" : "team-b";
      events.put(n, sim.cluster.status().events(Svc.ref(ns, n)));
    }
    assertThat(events.get("pooled")).anySatisfy(e -> assertThat(e.message()).contains("cidr-team-a", "10.1.0.256/32"));
    assertThat(events.get("thief")).anySatisfy(e -> {
      assertThat(e.reason()).isEqualTo("AllocationFailed");
      assertThat(e.message()).contains("10.9.0.7", "team-b/holder");
    });
    assertThat(events.get("outside")).anySatisfy(e -> assertThat(e.message()).contains("192.0.2.9", "outside every pool"));
    assertThat(sim.servedBy()).containsKeys(ip("10.9.0.7"), ip("192.0.2.9"), addressOf(Svc.ref("team-a", "pooled")),
        addressOf(Svc.ref("team-b", "fine")));
    assertThat(sim.servedBy().get(ip("10.9.0.7"))).hasSize(1);
    assertThat(sim.cluster.status().announcedBy(Svc.ref("team-b", "thief"))).isEmpty();
  }

  @Test
  void given200ServicesCreatedAtOnce_whenTheServiceLeaseChangesHandsMidway_thenNoDuplicateAddressAndOneOwnerEach() {
    sim.cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.9.0.0/22"));
    sim.start();
    for (int i = 0; i < 200; i++) {
      sim.cluster.watch().upsert(Svc.of(i % 2 == 0 ? "team-a" : "team-b", "s" + i).build());
      if (i == 100) {
        sim.node(1).allocator.reconcile(sim.node(1).model.snapshot());
        sim.leases.loseLease(SimulatedCluster.SVC_LEASE);
      }
    }
    sim.converge();
    assertThat(sim.leases.holder(SimulatedCluster.SVC_LEASE)).contains("node-2");
    Map<String, ServiceRef> seen = new HashMap<>();
    for (ServiceIntent s : sim.cluster.watch().services()) {
      assertThat(s.requestedAddresses()).as(s.service().key()).hasSize(1);
      ServiceRef other = seen.put(s.requestedAddresses().get(0), s.service());
      assertThat(other).as(s.requestedAddresses().get(0) + " given twice").isNull();
    }
    assertThat(seen).hasSize(200);
    assertEveryVipHasExactlyOneRunningOwnerMatchingVipHost();
  }
}
