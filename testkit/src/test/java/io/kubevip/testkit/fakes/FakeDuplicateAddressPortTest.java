// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.contract.DuplicateAddressPortContract;

class FakeDuplicateAddressPortTest extends DuplicateAddressPortContract<FakeDuplicateAddressPort> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Override
  protected FakeDuplicateAddressPort createPort() {
    return new FakeDuplicateAddressPort(ETH0);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected String ownMac() {
    return "02:00:00:00:00:01";
  }

  @Override
  protected void claimElsewhere(VipAddress vip) {
    port.claim(vip, otherMac());
  }

  @Override
  protected void releaseElsewhere(VipAddress vip) {
    port.release(vip, otherMac());
  }

  @Override
  protected String otherMac() {
    return "02:00:00:00:00:02";
  }

  @Override
  protected void announceElsewhere(VipAddress vip) {
    port.announceClaim(vip, ETH0, otherMac());
  }
}
