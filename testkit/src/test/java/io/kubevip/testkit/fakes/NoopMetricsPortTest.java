// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.contract.MetricsPortContract;

class NoopMetricsPortTest extends MetricsPortContract<MetricsPort> {
  @Override
  protected MetricsPort createPort() {
    return MetricsPort.NOOP;
  }
}
