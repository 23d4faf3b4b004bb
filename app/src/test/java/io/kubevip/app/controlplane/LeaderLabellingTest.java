// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeNodeLabelsPort;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderLabellingTest {
  private static final LeaseName LEASE = LeaseName.parse("vip_leasename", "plndr-cp-lock", "kube-system");
  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");
  private static final String HAS_IP = "kube-vip.io/has-ip";
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private final FakeLeaseStore store = new FakeLeaseStore();
  private final FakeNodeLabelsPort labels = new FakeNodeLabelsPort().addNode(A, Map.of()).addNode(B, Map.of());
  private final List<LeaderLabelling> created = new ArrayList<>();

  @AfterEach
  void close() {
    created.forEach(LeaderLabelling::close);
  }

  private LeaderLabelling node(NodeId id) {
    LeaderLabelling l = new LeaderLabelling(new FakeLeaderElectionPort(store, id.name()), labels, id,
        List.of(VipAddress.parse("192.0.2.10")), Duration.ofMillis(50));
    created.add(l);
    return l;
  }

  @Test
  void givenLeader_thenHasIpAfterTheCallbacks_andTheCallbacksStillHearEverything() {
    RecordingLeadershipCallbacks callbacks = new RecordingLeadershipCallbacks();
    node(A).run(LEASE, callbacks);

    await().atMost(PATIENCE).until(() -> "192.0.2.10".equals(labels.current(A).get(HAS_IP)));
    assertThat(callbacks.leading()).isTrue();
  }

  @Test
  void givenLeaderLosesTheLease_thenItsLabelGoes_andTheNewLeaderGetsIt() {
    node(A).run(LEASE, new RecordingLeadershipCallbacks());
    node(B).run(LEASE, new RecordingLeadershipCallbacks());
    await().atMost(PATIENCE).until(() -> labels.current(A).containsKey(HAS_IP));

    store.loseLease(LEASE);

    await().atMost(PATIENCE).until(() -> !labels.current(A).containsKey(HAS_IP)
        && "192.0.2.10".equals(labels.current(B).get(HAS_IP)));
  }

  @Test
  void givenLabelWriteFails_thenItIsRetriedUntilItLands() {
    labels.log().failAll("labels.apply");
    node(A).run(LEASE, new RecordingLeadershipCallbacks());
    await().atMost(PATIENCE).until(() -> labels.log().calls("labels.apply").size() >= 2);
    assertThat(labels.current(A)).doesNotContainKey(HAS_IP);

    labels.log().heal();

    await().atMost(PATIENCE).until(() -> labels.current(A).containsKey(HAS_IP));
  }

  @Test
  void givenShutdown_whenReleased_thenTheLabelIsGoneBeforeReleaseReturns() {
    LeaderLabelling a = node(A);
    a.run(LEASE, new RecordingLeadershipCallbacks());
    await().atMost(PATIENCE).until(() -> labels.current(A).containsKey(HAS_IP));

    a.release(LEASE);

    assertThat(labels.current(A)).doesNotContainKey(HAS_IP);
  }

  @Test
  void givenLeftoverFromAnEarlierRun_whenCampaigningAsFollower_thenItIsRemoved() {
    node(B).run(LEASE, new RecordingLeadershipCallbacks());
    labels.addNode(A, Map.of(HAS_IP, "192.0.2.10", "team", "blue"));

    node(A).run(LEASE, new RecordingLeadershipCallbacks());

    await().atMost(PATIENCE).until(() -> !labels.current(A).containsKey(HAS_IP));
    assertThat(labels.current(A)).containsEntry("team", "blue");
  }

  @Test
  void givenLabellingOff_thenTheElectionIsNotWrapped() {
    LeaderElectionPort election = new FakeLeaderElectionPort("node-a");
    assertThat(LeaderLabelling.wrap(election, NodeLabelsPort.NONE, A, List.of(VipAddress.parse("192.0.2.10")),
        Duration.ofSeconds(1))).isSameAs(election);
  }
}
