// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.node.NodeId;
import io.kubevip.testkit.fakes.FakeNodeLabelsPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NodeLabelSyncTest {
  private static final NodeId NODE = NodeId.of("node-a");
  private static final String WEB = "service-provided.kube-vip.io/web.default";
  private static final String DB = "service-provided.kube-vip.io/db.prod";
  private final FakeNodeLabelsPort port = new FakeNodeLabelsPort()
      .addNode(NODE, Map.of("kubernetes.io/hostname", "node-a"));
  private final NodeLabelSync sync = new NodeLabelSync(port, NODE, KubeVipNodeLabels::isServiceKey);

  @Test
  void givenDesiredLabels_whenSynced_thenSetInOneWrite_andAnUnchangedPassWritesNothing() {
    assertThat(sync.sync(Map.of(WEB, "10.0.0.7", DB, "10.0.0.9"))).isTrue();
    assertThat(sync.sync(Map.of(WEB, "10.0.0.7", DB, "10.0.0.9"))).isTrue();

    assertThat(port.log().calls("labels.apply")).containsExactly(
        apply(Map.of(WEB, "10.0.0.7", DB, "10.0.0.9"), Set.of()));
    assertThat(port.current(NODE)).containsEntry(WEB, "10.0.0.7").containsEntry(DB, "10.0.0.9")
        .containsEntry("kubernetes.io/hostname", "node-a");
  }

  @Test
  void givenApplied_whenOneServiceGoneAndOneChanged_thenOnlyTheDifferenceIsWritten() {
    sync.sync(Map.of(WEB, "10.0.0.7", DB, "10.0.0.9"));
    sync.sync(Map.of(WEB, "10.0.0.8"));

    assertThat(port.log().calls("labels.apply")).last().isEqualTo(apply(Map.of(WEB, "10.0.0.8"), Set.of(DB)));
    assertThat(port.current(NODE)).doesNotContainKey(DB).containsEntry(WEB, "10.0.0.8");
  }

  @Test
  void givenWriteFails_thenFalse_andTheNextSyncRetriesTheWholeDifference() {
    port.log().failAll("labels.apply");
    assertThat(sync.sync(Map.of(WEB, "10.0.0.7"))).isFalse();
    assertThat(sync.applied()).isEmpty();

    port.log().heal();
    assertThat(sync.sync(Map.of(WEB, "10.0.0.7"))).isTrue();
    assertThat(port.current(NODE)).containsEntry(WEB, "10.0.0.7");
  }

  @Test
  void givenLeftoversOfAnEarlierRun_whenFirstSynced_thenOursAreRemovedAndOthersKept() {
    port.addNode(NODE, Map.of(DB, "10.0.0.9", "kube-vip.io/has-ip", "10.0.0.5", "team", "blue"));
    sync.sync(Map.of(WEB, "10.0.0.7"));
    assertThat(port.current(NODE)).containsExactlyInAnyOrderEntriesOf(
        Map.of(WEB, "10.0.0.7", "kube-vip.io/has-ip", "10.0.0.5", "team", "blue"));
  }

  @Test
  void givenLeftoverWithTheWantedValue_thenNothingIsWritten() {
    port.addNode(NODE, Map.of(WEB, "10.0.0.7"));
    sync.sync(Map.of(WEB, "10.0.0.7"));
    assertThat(port.log().calls("labels.apply")).isEmpty();
  }

  @Test
  void givenReadFails_thenLabelsAreStillWritten_andLeftoversAreCleanedOnceReadable() {
    port.addNode(NODE, Map.of(DB, "10.0.0.9"));
    port.log().failAll("labels.read");
    assertThat(sync.sync(Map.of(WEB, "10.0.0.7"))).isTrue();
    assertThat(port.current(NODE)).containsKey(DB);

    port.log().heal();
    sync.sync(Map.of(WEB, "10.0.0.7"));
    assertThat(port.current(NODE)).doesNotContainKey(DB).containsEntry(WEB, "10.0.0.7");
  }

  @Test
  void givenShutdown_whenSyncedToNothing_thenEveryLabelOfOursIsRemoved() {
    sync.sync(Map.of(WEB, "10.0.0.7", DB, "10.0.0.9"));
    sync.sync(Map.of());
    assertThat(port.current(NODE)).containsOnlyKeys("kubernetes.io/hostname");
  }

  private static RecordedCall apply(Map<String, String> set, Set<String> remove) {
    return RecordedCall.of("labels.apply", NODE, new TreeMap<>(set), new TreeSet<>(remove));
  }
}
