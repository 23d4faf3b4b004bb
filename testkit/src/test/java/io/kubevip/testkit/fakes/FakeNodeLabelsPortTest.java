// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.NodeId;
import io.kubevip.testkit.contract.NodeLabelsPortContract;
import java.util.Map;

class FakeNodeLabelsPortTest extends NodeLabelsPortContract<FakeNodeLabelsPort> {
  @Override
  protected FakeNodeLabelsPort createPort() {
    return new FakeNodeLabelsPort();
  }

  @Override
  protected void createNode(FakeNodeLabelsPort port, NodeId node, Map<String, String> labels) {
    port.addNode(node, labels);
  }

  @Override
  protected Map<String, String> observedLabels(FakeNodeLabelsPort port, NodeId node) {
    return port.current(node);
  }
}
