// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.testkit.contract.ClusterWatchPortContract;
import java.util.Map;

class FakeClusterWatchPortTest extends ClusterWatchPortContract<FakeClusterWatchPort> {
  @Override
  protected FakeClusterWatchPort createPort() {
    return new FakeClusterWatchPort();
  }

  @Override
  protected void applyService(FakeClusterWatchPort port, ServiceIntent service) {
    port.upsert(service);
  }

  @Override
  protected void deleteService(FakeClusterWatchPort port, ServiceRef service) {
    port.delete(service);
  }

  @Override
  protected void applyEndpoints(FakeClusterWatchPort port, EndpointNodes endpoints) {
    port.upsert(endpoints);
  }

  @Override
  protected void applyNode(FakeClusterWatchPort port, NodeInfo node) {
    port.upsert(node);
  }

  @Override
  protected void applyPoolConfig(FakeClusterWatchPort port, Map<String, String> data) {
    port.upsertPoolConfig(data);
  }
}
