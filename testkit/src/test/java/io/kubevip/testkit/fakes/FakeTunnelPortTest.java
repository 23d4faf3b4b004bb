// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.testkit.contract.TunnelPortContract;

class FakeTunnelPortTest extends TunnelPortContract<FakeTunnelPort> {
  @Override
  protected FakeTunnelPort createPort() {
    return new FakeTunnelPort();
  }
}
