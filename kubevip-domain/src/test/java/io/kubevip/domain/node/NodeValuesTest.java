// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import org.junit.jupiter.api.Test;

class NodeValuesTest {
  @Test
  void givenBadNodeNames_whenBuilt_thenRejectedWithTheName() {
    assertThatThrownBy(() -> NodeId.of(" ")).hasMessageContaining("node name is empty");
    assertThatThrownBy(() -> NodeId.of("a b")).hasMessageContaining("'a b'");
    assertThat(NodeId.of("worker-1")).isLessThan(NodeId.of("worker-2"));
  }

  @Test
  void givenInterfaceNames_whenBuilt_thenLinuxRulesApply() {
    assertThat(InterfaceName.of("enp0s31f6.100").name()).hasSize(13);
    assertThatThrownBy(() -> InterfaceName.of("a-very-long-name")).hasMessageContaining("at most 15");
    assertThatThrownBy(() -> InterfaceName.of("eth/0")).hasMessageContaining("'/'");
    assertThatThrownBy(() -> InterfaceName.of("")).hasMessageContaining("empty");
  }

  @Test
  void givenKernelTables_whenUsedForVipRoutes_thenRejected() {
    VipAddress vip = VipAddress.parse("10.0.0.1");
    InterfaceName eth0 = InterfaceName.of("eth0");
    assertThat(new TableRoute(vip, eth0, TableRoute.DEFAULT_TABLE, TableRoute.DEFAULT_PROTOCOL).table()).isEqualTo(198);
    assertThatThrownBy(() -> new TableRoute(vip, eth0, 254, 248)).hasMessageContaining("vip_routingtableid=254");
    assertThatThrownBy(() -> new TableRoute(vip, eth0, 198, 256)).hasMessageContaining("vip_routingtableprotocol=256");
  }
}
