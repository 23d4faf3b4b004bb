// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.contract.RouteTablePortContract;

class FakeRouteTablePortTest extends RouteTablePortContract<FakeRouteTablePort> {
  @Override
  protected FakeRouteTablePort createPort() {
    return new FakeRouteTablePort();
  }

  @Override
  protected InterfaceName existingInterface() {
    return InterfaceName.of("eth0");
  }
}
