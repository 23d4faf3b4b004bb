// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.testkit.contract.LinkWatchPortContract;

class FakeLinkWatchPortTest extends LinkWatchPortContract<FakeLinkWatchPort> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private FakeVipAddressPort addresses;

  @Override
  protected FakeLinkWatchPort createPort() {
    addresses = new FakeVipAddressPort(ETH0);
    return new FakeLinkWatchPort(addresses);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected void addAddress(VipBinding binding) {
    addresses.add(binding.vip(), binding.iface());
  }

  @Override
  protected void deleteExternally(VipBinding binding) {
    port.deleteExternally(binding);
  }

  @Override
  protected void failDad(VipBinding binding) {
    port.failDad(binding);
  }

  @Override
  protected void takeLinkDown(InterfaceName iface) {
    port.takeDown(iface);
  }

  @Override
  protected void bringLinkUp(InterfaceName iface) {
    port.bringUp(iface);
  }
}
