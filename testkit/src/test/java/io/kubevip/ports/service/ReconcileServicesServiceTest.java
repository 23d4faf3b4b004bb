// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.placement.PlacementReason;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.in.ReconcileOutcome;
import io.kubevip.ports.in.ReconcileServicesCommand;
import io.kubevip.ports.in.ServiceVips;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeMetricsPort;
import io.kubevip.testkit.fakes.FakeServiceStatusPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileServicesServiceTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName ETH1 = InterfaceName.of("eth1");
  private final FakeServiceStatusPort status = new FakeServiceStatusPort(); // the one shared API server

  private final class Node {
    final NodeId id;
    final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0, ETH1);
    final FakeL2AnnouncePort arp = new FakeL2AnnouncePort(ETH0, ETH1);
    final FakeMetricsPort metrics = new FakeMetricsPort();
    final ReconcileServicesService service;

    Node(String name) {
      id = NodeId.of(name);
      service = new ReconcileServicesService(new PlanExecutor(addresses, VipAnnouncer.l2(arp), metrics), status, metrics,
          Clock.systemUTC());
    }

    Set<VipAddress> serving() {
      Set<VipAddress> all = new java.util.TreeSet<>(addresses.addresses(ETH0));
      all.addAll(addresses.addresses(ETH1));
      return all;
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();

  private Node node(String name) {
    return nodes.computeIfAbsent(name, Node::new);
  }

  private static ServiceRef svc(String name) {
    return new ServiceRef("default", name, "uid-" + name);
  }

  private static List<ServiceVips> services(int count) {
    List<ServiceVips> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(ServiceVips.cluster(svc("s" + i), List.of(VipAddress.parse("192.0.2." + i))));
    }
    return out;
  }

  /** Runs one reconcile on every listed node with the same cluster view; returns the (shared) placement. */
  private Placement reconcileAll(List<String> eligible, List<ServiceVips> services, Map<VipAddress, NodeId> owners) {
    Set<NodeId> ids = new java.util.HashSet<>();
    eligible.forEach(n -> ids.add(node(n).id));
    Placement placement = null;
    for (Node n : nodes.values()) {
      ReconcileOutcome outcome = n.service.reconcile(new ReconcileServicesCommand(n.id, ids, services, owners, ETH0));
      assertThat(outcome.succeeded()).as("node %s: %s", n.id, outcome.failures()).isTrue();
      if (placement != null) {
        assertThat(outcome.placement()).as("all nodes agree").contains(placement);
      }
      placement = outcome.placement().orElseThrow();
    }
    return placement;
  }

  @Test
  void givenThreeNodes_whenReconciled_thenEveryVipServedByExactlyTheNodePlacementChose() {
    List<String> names = List.of("a", "b", "c");
    names.forEach(this::node);
    List<ServiceVips> services = services(12);
    Placement p = reconcileAll(names, services, Map.of());
    Map<VipAddress, Integer> servedBy = new HashMap<>();
    for (Node n : nodes.values()) {
      assertThat(n.serving()).isEqualTo(p.vipsOf(n.id));
      n.serving().forEach(v -> servedBy.merge(v, 1, Integer::sum));
      assertThat(n.serving()).allMatch(v -> n.arp.bursts(v, ETH0) == 1);
    }
    assertThat(servedBy).hasSize(12).allSatisfy((vip, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void givenServedVips_whenANodeLeaves_thenOnlyItsVipsMoveAndItStopsServing() {
    List<String> names = List.of("a", "b", "c");
    names.forEach(this::node);
    List<ServiceVips> services = services(12);
    Placement before = reconcileAll(names, services, Map.of());
    Placement after = reconcileAll(List.of("a", "b"), services, before.owners());
    assertThat(node("c").serving()).isEmpty();
    for (VipAddress vip : before.owners().keySet()) {
      if (!before.ownerOf(vip).orElseThrow().equals(NodeId.of("c"))) {
        assertThat(after.ownerOf(vip)).isEqualTo(before.ownerOf(vip));
      }
    }
    assertThat(node("a").serving().size() + node("b").serving().size()).isEqualTo(12);
  }

  @Test
  void givenLocalTrafficPolicy_whenReconciled_thenOnlyTheNodeWithAnEndpointServesOnTheServiceInterface() {
    List.of("a", "b", "c").forEach(this::node);
    VipAddress vip = VipAddress.parse("192.0.2.50");
    ServiceVips local = new ServiceVips(svc("local"), List.of(vip), ExternalTrafficPolicy.LOCAL,
        Set.of(NodeId.of("b")), Optional.of(ETH1));
    reconcileAll(List.of("a", "b", "c"), List.of(local), Map.of());
    assertThat(node("b").addresses.addresses(ETH1)).containsExactly(vip);
    assertThat(node("a").serving()).isEmpty();
    assertThat(node("c").serving()).isEmpty();
  }

  @Test
  void givenPlacedService_whenReconciledTwice_thenOwnerWritesStatusAndEventOnce() {
    List.of("a", "b").forEach(this::node);
    ServiceVips s = ServiceVips.cluster(svc("web"), List.of(VipAddress.parse("192.0.2.7"), VipAddress.parse("2001:db8::7")));
    Placement p = reconcileAll(List.of("a", "b"), List.of(s), Map.of());
    reconcileAll(List.of("a", "b"), List.of(s), p.owners());
    NodeId owner = p.ownerOf(VipAddress.parse("192.0.2.7")).orElseThrow();
    assertThat(status.ingress(s.service())).containsExactly(VipAddress.parse("192.0.2.7"), VipAddress.parse("2001:db8::7"));
    assertThat(status.announcedBy(s.service())).contains(owner);
    assertThat(status.log().calls("status.updateLoadBalancer")).hasSize(1);
    assertThat(status.events(s.service())).extracting(ServiceEvent::reason).containsExactly("VipAnnounced");
    assertThat(status.conditions(s.service())).singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("AssignedBestScore"));
  }

  @Test
  void givenLocalServiceWithoutEndpoints_whenReconciled_thenOneNodeReportsAWarningAndNobodyServes() {
    List.of("a", "b").forEach(this::node);
    ServiceVips s = new ServiceVips(svc("lonely"), List.of(VipAddress.parse("192.0.2.9")), ExternalTrafficPolicy.LOCAL,
        Set.of(), Optional.empty());
    Placement p = reconcileAll(List.of("a", "b"), List.of(s), Map.of());
    assertThat(p.decisions().get(VipAddress.parse("192.0.2.9")).reason()).isEqualTo(PlacementReason.UNPLACED_NO_ELIGIBLE_NODE);
    assertThat(node("a").serving()).isEmpty();
    assertThat(node("b").serving()).isEmpty();
    assertThat(status.events(s.service())).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ServiceEvent.Type.WARNING);
      assertThat(e.message()).contains("192.0.2.9 unplaced (UNPLACED_NO_ELIGIBLE_NODE)");
    });
    assertThat(status.ingress(s.service())).isEmpty();
  }

  @Test
  void givenServiceDeleted_whenReconciled_thenItsVipIsWithdrawnAndRemoved() {
    node("a");
    reconcileAll(List.of("a"), services(2), Map.of());
    assertThat(node("a").serving()).hasSize(2);
    reconcileAll(List.of("a"), services(1), Map.of());
    assertThat(node("a").serving()).containsExactly(VipAddress.parse("192.0.2.1"));
    assertThat(node("a").addresses.log().calls("address.remove")).hasSize(1);
  }
}
