// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.PortException;
import org.junit.jupiter.api.Test;

class CallLogTest {
  private final InterfaceName eth0 = InterfaceName.of("eth0");
  private final VipAddress vip = VipAddress.parse("192.0.2.10");

  @Test
  void givenArmedFailure_whenCalled_thenRecordedAndThrowsUntilHealed() {
    FakeVipAddressPort port = new FakeVipAddressPort(eth0);
    port.log().failOn(RecordedCall.of("address.add", vip, eth0));
    assertThatThrownBy(() -> port.add(vip, eth0)).isInstanceOf(PortException.class).hasMessageContaining("address.add(192.0.2.10/32, eth0)");
    assertThat(port.addresses(eth0)).isEmpty();
    port.log().heal();
    port.add(vip, eth0);
    assertThat(port.log().calls("address.add")).hasSize(2);
    assertThat(port.addresses(eth0)).containsExactly(vip);
  }
}
