// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Services over BGP: every eligible node announces (ECMP) without svc_election, the placed owner with it. */
class ServicesEveryNodeTest {
  private static final Map<String, String> POOL = Map.of("cidr-global", "10.9.0.0/24");
  private static final NodeId N1 = NodeId.of("node-1");
  private static final NodeId N2 = NodeId.of("node-2");
  private static final NodeId N3 = NodeId.of("node-3");
  private static final Set<NodeId> ALL = Set.of(N1, N2, N3);

  private final SimulatedCluster sim = SimulatedCluster.bgp(false, 3, Optional.empty());

  private VipAddress vipOf(ServiceRef ref) {
    return VipAddress.parse(sim.cluster.addressesOf(ref).get(0));
  }

  private ServiceRef converged(Svc svc) {
    sim.cluster.watch().upsertPoolConfig(POOL);
    sim.cluster.watch().upsert(svc.build());
    sim.start();
    sim.converge();
    return svc.build().service();
  }

  private long events(ServiceRef ref, String reason) {
    return sim.cluster.status().events(ref).stream().filter(e -> e.reason().equals(reason)).count();
  }

  @Test
  void givenClusterService_whenConverged_thenEveryNodeAddsAndAdvertisesTheVip_andNoNodeIsRecordedAsHost() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    VipAddress vip = vipOf(ref);
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vip, ALL));
    assertThat(sim.servedBy()).containsExactly(Map.entry(vip, ALL));
    assertThat(sim.cluster.status().ingress(ref)).containsExactly(vip);
    assertThat(sim.cluster.status().announcedBy(ref)).isEmpty();
    assertThat(sim.cluster.status().conditions(ref)).singleElement()
        .returns(true, ServiceCondition::status).returns("Announced", ServiceCondition::reason);
    assertThat(events(ref, "VipAnnounced")).isEqualTo(3); // one per node
  }

  @Test
  void givenConverged_whenMorePassesRun_thenStatusIsWrittenOnceByTheLeaseHolderAndNotRewritten() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    assertThat(sim.cluster.status().log().calls("status.updateLoadBalancer")).hasSize(1);
    for (int i = 0; i < 5; i++) {
      sim.nodes.values().forEach(n -> n.controller.reconcile());
    }
    assertThat(sim.cluster.status().log().calls("status.updateLoadBalancer")).hasSize(1);
    assertThat(sim.cluster.status().log().calls("status.setCondition")).hasSize(1);
    assertThat(events(ref, "VipAnnounced")).isEqualTo(3);
    sim.nodes.values().forEach(n -> assertThat(n.routes.updates()).hasSize(1));
  }

  @Test
  void givenLocalService_whenEndpointMoves_thenNewNodeAnnouncesAtOnceAndOldOneWithdraws() {
    ServiceRef ref = Svc.ref("a", "local");
    sim.cluster.watch().upsert(new EndpointNodes(ref, "s1", Set.of(N1, N2)));
    converged(Svc.of("a", "local").local());
    VipAddress vip = vipOf(ref);
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vip, Set.of(N1, N2)));

    sim.cluster.watch().upsert(new EndpointNodes(ref, "s1", Set.of(N2, N3)));
    ServicesPass pass = sim.node(3).controller.reconcile(); // no break-before-make: node-1 still advertises
    assertThat(pass.waiting()).isEmpty();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vip, ALL));
    sim.converge();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vip, Set.of(N2, N3)));
    assertThat(sim.node(1).vips()).isEmpty();
    assertThat(sim.cluster.status().events(ref)).filteredOn(e -> e.reason().equals("VipWithdrawn"))
        .singleElement().extracting(ServiceEvent::message).asString().contains("node-1");
  }

  @Test
  void givenLocalServiceWithoutEndpoints_whenConverged_thenNobodyAnnouncesAndConditionSaysWhy() {
    ServiceRef ref = converged(Svc.of("a", "local").local());
    assertThat(sim.advertisedBy()).isEmpty();
    assertThat(sim.cluster.status().conditions(ref)).singleElement().returns(false, ServiceCondition::status)
        .extracting(ServiceCondition::message).asString().contains("no eligible node with a ready endpoint");

    sim.cluster.watch().upsert(new EndpointNodes(ref, "s1", Set.of(N2)));
    sim.converge();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vipOf(ref), Set.of(N2)));
    assertThat(sim.cluster.status().conditions(ref)).singleElement().returns(true, ServiceCondition::status);
  }

  @Test
  void givenOwnRenewalsFail_whenPass_thenThatNodeWithdrawsEverything_andTheOthersKeepAdvertising() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    sim.liveness.failRenewals(N1);
    ServicesPass pass = sim.node(1).controller.reconcile();
    assertThat(pass.fenced()).isTrue();
    assertThat(sim.node(1).routes.advertised()).isEmpty();
    assertThat(sim.node(1).vips()).isEmpty();
    assertThat(sim.node(1).routes.updates()).containsExactly("announce " + vipOf(ref), "withdraw " + vipOf(ref));
    sim.converge();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vipOf(ref), Set.of(N2, N3)));
  }

  @Test
  void givenNodeExcludedOrNotReady_whenConverged_thenItWithdraws() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    sim.cluster.watch().upsert(new NodeInfo(N2, true, true,
        Map.of(ServicesController.EXCLUDE_LABEL, "")));
    sim.cluster.watch().upsert(new NodeInfo(N3, false, true, Map.of()));
    sim.converge();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(vipOf(ref), Set.of(N1)));
    assertThat(sim.node(2).vips()).isEmpty();
    assertThat(events(ref, "VipWithdrawn")).isEqualTo(2);
  }

  @Test
  void givenTwoServicesSharingAnAddress_whenConverged_thenEachNodeAdvertisesOnePrefixOnce() {
    sim.cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.9.0.0/24", "allow-share-global", "true"));
    sim.cluster.watch().upsert(Svc.of("a", "http").requesting("10.9.0.7").ports(
        io.kubevip.domain.service.ServicePort.tcp(80)).build());
    sim.cluster.watch().upsert(Svc.of("a", "https").requesting("10.9.0.7").ports(
        io.kubevip.domain.service.ServicePort.tcp(443)).build());
    sim.start();
    sim.converge();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(VipAddress.parse("10.9.0.7"), ALL));
    sim.nodes.values().forEach(n -> assertThat(n.routes.updates()).containsExactly("announce 10.9.0.7/32"));
    assertThat(sim.cluster.status().ingress(Svc.ref("a", "https"))).containsExactly(VipAddress.parse("10.9.0.7"));
  }

  @Test
  void givenServiceAskingForTheControlPlaneVip_whenConverged_thenItIsNeitherAdvertisedNorRemoved() {
    VipAddress cp = VipAddress.parse("10.9.0.200");
    SimulatedCluster cpSim = SimulatedCluster.bgp(false, 2, Optional.of(cp));
    cpSim.cluster.watch().upsertPoolConfig(POOL);
    cpSim.cluster.watch().upsert(Svc.of("a", "wants-cp").requesting("10.9.0.200").build());
    cpSim.node(1).addresses.add(cp, SimulatedCluster.ETH0); // the control plane's
    cpSim.start();
    cpSim.converge();
    assertThat(cpSim.advertisedBy()).isEmpty();
    assertThat(cpSim.node(1).vips()).containsExactly(cp);
  }

  @Test
  void givenVipHostLeftByOneOwnerMode_whenLeaseHolderPasses_thenItIsCleared() {
    ServiceRef ref = Svc.ref("a", "web");
    sim.cluster.watch().upsertPoolConfig(POOL);
    sim.cluster.watch().upsert(Svc.of("a", "web").requesting("10.9.0.5").build());
    sim.cluster.status().updateLoadBalancer(ref, java.util.List.of(VipAddress.parse("10.9.0.5")), Optional.of(N3));
    sim.cluster.watch().setHost(ref, Optional.of(N3));
    sim.start();
    sim.converge();
    assertThat(sim.cluster.status().announcedBy(ref)).isEmpty();
    assertThat(sim.advertisedBy()).containsExactly(Map.entry(VipAddress.parse("10.9.0.5"), ALL));
  }

  @Test
  void givenShutdown_whenANodeStops_thenItWithdrawsItsRoutesAndAddresses_andRecordsIt() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    sim.node(2).controller.shutdown();
    assertThat(sim.node(2).routes.advertised()).isEmpty();
    assertThat(sim.node(2).vips()).isEmpty();
    assertThat(sim.cluster.status().events(ref)).filteredOn(e -> e.reason().equals("VipWithdrawn")).singleElement()
        .extracting(ServiceEvent::message).asString().contains("node-2").contains("shutting down");
    assertThat(sim.node(1).routes.advertised()).containsExactly(vipOf(ref));
  }

  @Test
  void givenServiceDeleted_whenConverged_thenEveryNodeWithdraws() {
    ServiceRef ref = converged(Svc.of("a", "web"));
    VipAddress vip = vipOf(ref);
    sim.cluster.watch().delete(ref);
    sim.converge();
    assertThat(sim.advertisedBy()).isEmpty();
    assertThat(sim.servedBy()).isEmpty();
    sim.nodes.values().forEach(n -> assertThat(n.routes.updates()).containsExactly("announce " + vip, "withdraw " + vip));
  }

  @Test
  void givenServiceElection_whenConverged_thenOnlyThePlacedOwnerAdvertisesAndIsRecorded() {
    SimulatedCluster elected = SimulatedCluster.bgp(true, 3, Optional.empty());
    elected.cluster.watch().upsertPoolConfig(POOL);
    for (int i = 0; i < 6; i++) {
      elected.cluster.watch().upsert(Svc.of("a", "s" + i).build());
    }
    elected.start();
    elected.converge();
    assertThat(elected.advertisedBy()).hasSize(6).allSatisfy((vip, nodes) -> assertThat(nodes).hasSize(1));
    for (int i = 0; i < 6; i++) {
      ServiceRef ref = Svc.ref("a", "s" + i);
      VipAddress vip = VipAddress.parse(elected.cluster.addressesOf(ref).get(0));
      assertThat(elected.cluster.status().announcedBy(ref)).isEqualTo(elected.advertisedBy().get(vip).stream()
          .findFirst());
    }
  }
}
