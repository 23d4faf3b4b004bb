// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ownership changes between live nodes, fencing, clean-up and the svc_election=false mode. */
class ServicesHandoverTest {
  private static final Map<String, String> POOL = Map.of("cidr-global", "10.9.0.0/24");
  private static final NodeId N1 = NodeId.of("node-1");
  private static final NodeId N2 = NodeId.of("node-2");
  private static final NodeId N3 = NodeId.of("node-3");

  private static VipAddress ip(String text) {
    return VipAddress.parse(text);
  }

  @Test
  void givenElectionOff_whenConverged_thenLeaseHolderServesClusterVipsAndLocalOnesFollowEndpoints() {
    SimulatedCluster sim = new SimulatedCluster(false, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    for (int i = 0; i < 5; i++) {
      sim.cluster.watch().upsert(Svc.of("a", "c" + i).build());
    }
    ServiceRef local = Svc.ref("a", "local");
    sim.cluster.watch().upsert(Svc.of("a", "local").local().build());
    sim.cluster.watch().upsert(new EndpointNodes(local, "s1", Set.of(N3)));
    sim.start();
    sim.converge();
    assertThat(sim.leases.holder(SimulatedCluster.SVC_LEASE)).contains("node-1");
    VipAddress localVip = ip(sim.cluster.addressesOf(local).get(0));
    assertThat(sim.node(1).vips()).hasSize(5).doesNotContain(localVip);
    assertThat(sim.node(3).vips()).containsExactly(localVip);

    sim.leases.loseLease(SimulatedCluster.SVC_LEASE); // node-1 gives way, node-2 is next
    sim.converge();
    assertThat(sim.leases.holder(SimulatedCluster.SVC_LEASE)).contains("node-2");
    assertThat(sim.node(1).vips()).isEmpty();
    assertThat(sim.node(2).vips()).hasSize(5);
    assertThat(sim.servedBy()).allSatisfy((vip, owners) -> assertThat(owners).hasSize(1));
  }

  @Test
  void givenOldOwnerAliveButNotYetWithdrawn_whenOwnershipMoves_thenNewOwnerWaitsUntilTheWithdrawalIsRecorded() {
    SimulatedCluster sim = new SimulatedCluster(true, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    ServiceRef ref = Svc.ref("a", "local");
    sim.cluster.watch().upsert(Svc.of("a", "local").local().build());
    sim.cluster.watch().upsert(new EndpointNodes(ref, "s1", Set.of(N1)));
    sim.start();
    sim.converge();
    VipAddress vip = ip(sim.cluster.addressesOf(ref).get(0));
    assertThat(sim.servedBy().get(vip)).containsExactly(N1);

    sim.cluster.watch().upsert(new EndpointNodes(ref, "s1", Set.of(N2)));
    sim.node(2).controller.reconcile(); // node-1 has not reacted yet
    assertThat(sim.node(2).vips()).doesNotContain(vip);
    assertThat(sim.node(2).controller.waiting()).containsExactly(vip);

    sim.node(1).controller.reconcile(); // withdraws, then clears vipHost
    assertThat(sim.node(1).vips()).doesNotContain(vip);
    assertThat(sim.cluster.status().announcedBy(ref)).isEmpty();
    sim.node(2).controller.reconcile();
    assertThat(sim.node(2).vips()).contains(vip);
    assertThat(sim.cluster.status().announcedBy(ref)).contains(N2);
  }

  @Test
  void givenOldOwnerStuck_whenItsLivenessExpires_thenNewOwnerTakesOver() {
    SimulatedCluster sim = new SimulatedCluster(true, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    ServiceRef ref = Svc.ref("a", "web");
    sim.cluster.watch().upsert(Svc.of("a", "web").build());
    sim.start();
    sim.converge();
    VipAddress vip = ip(sim.cluster.addressesOf(ref).get(0));
    SimulatedCluster.Node owner = sim.nodes.get(sim.servedBy().get(vip).iterator().next());
    owner.running = false; // hangs: no passes, but its Lease is still renewed for now
    sim.cluster.watch().upsert(new NodeInfo(owner.id, false, true, Map.of())); // NotReady
    sim.converge();
    assertThat(owner.vips()).contains(vip);
    assertThat(sim.servedBy()).doesNotContainKey(vip); // no running node announces while the old owner is live
    assertThat(sim.nodes.values().stream().filter(n -> n.running).flatMap(n -> n.controller.waiting().stream()))
        .containsExactly(vip);

    sim.liveness.expire(owner.id); // peers no longer see its Lease renewed
    sim.converge();
    assertThat(sim.servedBy().get(vip)).hasSize(1).doesNotContain(owner.id);
    assertThat(sim.cluster.status().announcedBy(ref)).isEqualTo(sim.servedBy().get(vip).stream().findFirst());
  }

  @Test
  void givenOwnRenewalsFail_whenPass_thenNodeWithdrawsEverything_andPeersTakeOverOnceItsLeaseExpires() {
    SimulatedCluster sim = new SimulatedCluster(true, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    for (int i = 0; i < 9; i++) {
      sim.cluster.watch().upsert(Svc.of("a", "s" + i).build());
    }
    sim.start();
    sim.converge();
    Set<VipAddress> fencedVips = sim.node(1).vips();
    assertThat(fencedVips).isNotEmpty();
    sim.liveness.failRenewals(N1);
    ServicesPass pass = sim.node(1).controller.reconcile();
    assertThat(pass.fenced()).isTrue();
    assertThat(sim.node(1).vips()).isEmpty();
    sim.node(2).controller.reconcile();
    assertThat(sim.node(2).vips()).doesNotContainAnyElementsOf(fencedVips); // node-1 is still live to its peers

    sim.liveness.expire(N1);
    sim.converge();
    assertThat(sim.servedBy()).hasSize(9).allSatisfy((vip, owners) -> assertThat(owners).hasSize(1).doesNotContain(N1));
  }

  @Test
  void givenOrphanAddressesAndAControlPlaneVip_whenFirstPass_thenOrphansRemovedAndControlPlaneVipKept() {
    VipAddress cp = ip("10.9.0.200");
    SimulatedCluster sim = new SimulatedCluster(true, 3, Optional.of(cp));
    sim.cluster.watch().upsertPoolConfig(POOL);
    sim.cluster.watch().upsert(Svc.of("a", "wants-cp").requesting("10.9.0.200").build());
    sim.node(1).addresses.add(ip("10.9.0.99"), SimulatedCluster.ETH0); // left by a killed run
    sim.node(1).addresses.add(cp, SimulatedCluster.ETH0); // the control-plane owner's
    sim.start();
    sim.converge();
    assertThat(sim.node(1).vips()).containsExactly(cp);
    assertThat(sim.node(2).vips()).isEmpty();
    assertThat(sim.node(3).vips()).isEmpty();
  }

  @Test
  void givenOrphanOnAnInterfaceNothingNames_whenFirstPass_thenItIsRemovedToo() {
    SimulatedCluster sim = new SimulatedCluster(true, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    InterfaceName eth1 = InterfaceName.of("eth1"); // where a deleted Service's auto interface put it
    sim.node(2).addresses.withInterface(eth1).add(ip("10.9.0.77"), eth1);
    sim.start();
    sim.converge();
    assertThat(sim.node(2).addresses.listOurs(eth1)).isEmpty();
  }

  @Test
  void givenServingNode_whenShutdown_thenWithdrawsClearsVipHostAndPeersTakeOverAtOnce() {
    SimulatedCluster sim = new SimulatedCluster(true, 3);
    sim.cluster.watch().upsertPoolConfig(POOL);
    for (int i = 0; i < 6; i++) {
      sim.cluster.watch().upsert(Svc.of("a", "s" + i).build());
    }
    sim.start();
    sim.converge();
    SimulatedCluster.Node leaving = sim.node(3);
    assertThat(leaving.vips()).isNotEmpty();
    leaving.controller.shutdown();
    leaving.running = false;
    assertThat(leaving.vips()).isEmpty();
    sim.cluster.watch().services().forEach(s -> {
      assertThat(sim.cluster.status().announcedBy(s.service())).isNotEqualTo(Optional.of(N3));
      assertThat(sim.cluster.status().ingress(s.service())).as("ingress kept").isNotEmpty();
    });
    sim.converge();
    assertThat(sim.servedBy()).hasSize(6).allSatisfy((vip, owners) -> assertThat(owners).hasSize(1).doesNotContain(N3));
  }
}
