// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.contract.VipAddressPortContract;

class FakeVipAddressPortTest extends VipAddressPortContract<FakeVipAddressPort> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Override
  protected FakeVipAddressPort createPort() {
    return new FakeVipAddressPort(ETH0);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }
}
