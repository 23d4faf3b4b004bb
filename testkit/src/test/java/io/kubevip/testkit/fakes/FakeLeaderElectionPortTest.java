// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.contract.LeaderElectionPortContract;
import org.junit.jupiter.api.Test;

class FakeLeaderElectionPortTest extends LeaderElectionPortContract<FakeLeaderElectionPort> {
  @Override
  protected FakeLeaderElectionPort createPort() {
    return new FakeLeaderElectionPort(new FakeLeaseStore(), "node-a");
  }

  @Override
  protected FakeLeaderElectionPort createPeer(FakeLeaderElectionPort first) {
    return new FakeLeaderElectionPort(first.store(), "node-b");
  }

  @Test
  void givenTwoNodes_whenLeaderLosesTheLease_thenOldStopsBeforeNewStartsAndTransitionsCount() {
    FakeLeaderElectionPort peer = createPeer(port);
    java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    port.run(lease, new io.kubevip.ports.out.LeadershipCallbacks() {
      @Override
      public void onStartedLeading() {
        order.add("a started");
      }

      @Override
      public void onStoppedLeading() {
        order.add("a stopped");
      }

      @Override
      public void onNewLeader(String identity) {}
    });
    RecordingLeadershipCallbacks b = new RecordingLeadershipCallbacks();
    peer.run(lease, b);
    port.store().loseLease(lease);
    assertThat(order).containsExactly("a started", "a stopped");
    assertThat(b.leading()).isTrue();
    assertThat(port.store().holder(lease)).contains("node-b");
    assertThat(port.store().record(lease).orElseThrow().transitions()).isEqualTo(1);
  }
}
