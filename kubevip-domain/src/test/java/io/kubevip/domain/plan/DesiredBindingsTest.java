// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.placement.PlacementRequest;
import io.kubevip.domain.placement.RendezvousPlacement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesiredBindingsTest {
  @Test
  void givenPlacement_whenBindingsForANode_thenOnlyItsVipsOnTheChosenInterface() {
    List<VipAddress> vips = List.of(VipAddress.parse("10.0.0.1"), VipAddress.parse("10.0.0.2"), VipAddress.parse("fd00::1"));
    NodeId me = NodeId.of("me");
    Placement p = new RendezvousPlacement().place(PlacementRequest.of(vips, List.of(me, NodeId.of("other"))));
    InterfaceName eth0 = InterfaceName.of("eth0");
    Set<VipBinding> mine = DesiredBindings.forNode(p, me, vip -> eth0);
    assertThat(mine).isNotEmpty();
    assertThat(mine).extracting(VipBinding::vip).containsExactlyInAnyOrderElementsOf(p.vipsOf(me));
    assertThat(mine).extracting(VipBinding::iface).containsOnly(eth0);
    assertThat(p.vipsOf(me)).isNotEqualTo(Set.copyOf(vips)); // both nodes got something, so the filter matters
  }
}
