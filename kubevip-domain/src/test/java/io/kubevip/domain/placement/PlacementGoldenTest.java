// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the placement of a fixed input. Every node of a cluster must compute the same owners, including nodes
 * running different versions during a rolling upgrade: if this test fails, the hash or the algorithm changed
 * and that change needs a release note, not a new golden value.
 */
class PlacementGoldenTest {
  @Test
  void givenFixedInput_whenPlaced_thenSameOwnersAsEveryEarlierVersion() {
    Map<String, String> golden = new LinkedHashMap<>();
    String[] pairs = {
        "10.0.0.1", "worker-1",
        "10.0.0.2", "cp-1",
        "10.0.0.3", "cp-2",
        "10.0.0.4", "cp-1",
        "192.168.1.10", "cp-2",
        "2001:db8::5", "cp-1",
        "fd00::1", "worker-1",
        "fd00::2", "worker-1"};
    for (int i = 0; i < pairs.length; i += 2) {
      golden.put(pairs[i], pairs[i + 1]);
    }
    List<VipAddress> vips = golden.keySet().stream().map(VipAddress::parse).toList();
    Placement p = new RendezvousPlacement().place(
        PlacementRequest.of(vips, List.of(NodeId.of("cp-1"), NodeId.of("cp-2"), NodeId.of("worker-1"))));
    golden.forEach((vip, node) -> assertThat(p.ownerOf(VipAddress.parse(vip))).as(vip).contains(NodeId.of(node)));
  }

  @Test
  void givenKnownInputs_whenHashed_thenStableValues() {
    // FNV-1a 64 + fmix64 over the address bytes and prefix / the UTF-8 node name.
    assertThat(PlacementHash.of(VipAddress.parse("10.0.0.1"))).isEqualTo(PlacementHash.of(VipAddress.parse("10.0.0.1/32")));
    assertThat(PlacementHash.of(VipAddress.parse("10.0.0.1"))).isNotEqualTo(PlacementHash.of(VipAddress.parse("10.0.0.1/24")));
    assertThat(PlacementHash.fmix64(0)).isZero();
    assertThat(PlacementHash.fmix64(1)).isEqualTo(0xb456bcfc34c2cb2cL);
  }
}
