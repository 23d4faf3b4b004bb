// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.node.NodeId;
import io.kubevip.testkit.contract.NodeLivenessPortContract;
import org.junit.jupiter.api.Test;

class FakeNodeLivenessPortTest extends NodeLivenessPortContract<FakeNodeLivenessPort> {
  private final FakeLivenessCluster cluster = new FakeLivenessCluster();

  @Override
  protected FakeNodeLivenessPort createPort(NodeId self) {
    return new FakeNodeLivenessPort(cluster, self);
  }

  @Test
  void givenFailingRenewals_whenNotYetExpired_thenFencedButStillSeenByPeers_thenExpiredEverywhere() {
    var a = createPort(A);
    var b = createPort(B);
    a.start((l, v) -> {});
    b.start((l, v) -> {});
    cluster.failRenewals(B);
    assertThat(b.selfValid()).isFalse();
    assertThat(a.liveNodes()).contains(B);
    cluster.expire(B);
    assertThat(a.liveNodes()).containsExactly(A);
    cluster.recover(B);
    assertThat(b.selfValid()).isTrue();
    assertThat(a.liveNodes()).contains(A, B);
  }
}
