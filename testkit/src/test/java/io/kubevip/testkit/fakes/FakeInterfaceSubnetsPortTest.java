// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.contract.InterfaceSubnetsPortContract;
import org.junit.jupiter.api.Test;

class FakeInterfaceSubnetsPortTest extends InterfaceSubnetsPortContract<FakeInterfaceSubnetsPort> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName ETH1 = InterfaceName.of("eth1");

  @Override
  protected FakeInterfaceSubnetsPort createPort() {
    return new FakeInterfaceSubnetsPort();
  }

  @Override
  protected InterfaceName firstInterface() {
    return ETH0;
  }

  @Override
  protected InterfaceName secondInterface() {
    return ETH1;
  }

  @Override
  protected void addSubnet(InterfaceName iface, String cidr) {
    port.withSubnet(iface, cidr);
  }

  @Override
  protected void addOwnVip(InterfaceName iface, VipAddress vip) {
    port.withOwnVip(iface, vip);
  }

  @Test
  void givenFailing_whenAsked_thenThrows_andCountsTheRead() {
    port.failing(new PortException("netlink down"));
    assertThatThrownBy(() -> port.interfaceFor(VipAddress.parse("10.0.0.1"))).hasMessage("netlink down");
    assertThat(port.reads()).isEqualTo(1);
  }

  @Test
  void givenMalformedCidr_whenAdded_thenErrorNamesIt() {
    assertThatThrownBy(() -> port.withSubnet(ETH0, "10.0.0.1")).hasMessageContaining("'10.0.0.1'");
  }
}
