// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.contract.L2AnnouncePortContract;

class FakeL2AnnouncePortTest extends L2AnnouncePortContract<FakeL2AnnouncePort> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Override
  protected FakeL2AnnouncePort createPort() {
    return new FakeL2AnnouncePort(ETH0);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected long observedBursts(FakeL2AnnouncePort port, VipAddress vip, InterfaceName iface) {
    return port.bursts(vip, iface);
  }
}
