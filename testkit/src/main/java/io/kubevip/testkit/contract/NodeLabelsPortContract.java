// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.out.PortException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link NodeLabelsPort} must do. */
public abstract class NodeLabelsPortContract<P extends NodeLabelsPort> {
  protected static final NodeId NODE = NodeId.of("node-a");
  protected static final String HAS_IP = "kube-vip.io/has-ip";
  protected static final String PROVIDED = "service-provided.kube-vip.io/web.default";

  protected abstract P createPort();

  /** Creates {@code node} on the port's backend with {@code labels}. */
  protected abstract void createNode(P port, NodeId node, Map<String, String> labels);

  /** The node's labels as the backend has them, read around the port. */
  protected abstract Map<String, String> observedLabels(P port, NodeId node);

  @Test
  void givenNode_whenLabelsSet_thenNodeCarriesThem_andOthersStay() {
    P port = createPort();
    createNode(port, NODE, Map.of("kubernetes.io/hostname", "node-a"));
    port.apply(NODE, Map.of(HAS_IP, "10.0.0.5", PROVIDED, "10.0.0.7"), Set.of());
    assertThat(observedLabels(port, NODE)).containsEntry(HAS_IP, "10.0.0.5").containsEntry(PROVIDED, "10.0.0.7")
        .containsEntry("kubernetes.io/hostname", "node-a");
    assertThat(port.labels(NODE)).containsEntry(HAS_IP, "10.0.0.5");
  }

  @Test
  void givenLabels_whenOneRemovedAndOneChangedInOneCall_thenBothLand() {
    P port = createPort();
    createNode(port, NODE, Map.of("keep", "me", HAS_IP, "10.0.0.5", PROVIDED, "10.0.0.7"));
    port.apply(NODE, Map.of(PROVIDED, "10.0.0.8"), Set.of(HAS_IP));
    assertThat(observedLabels(port, NODE)).doesNotContainKey(HAS_IP).containsEntry(PROVIDED, "10.0.0.8")
        .containsEntry("keep", "me");
  }

  @Test
  void givenSameCallTwice_thenNothingChangesAndRemovingAnAbsentKeyIsFine() {
    P port = createPort();
    createNode(port, NODE, Map.of());
    port.apply(NODE, Map.of(HAS_IP, "10.0.0.5"), Set.of("absent.example/key"));
    port.apply(NODE, Map.of(HAS_IP, "10.0.0.5"), Set.of("absent.example/key"));
    assertThat(observedLabels(port, NODE)).containsExactlyEntriesOf(Map.of(HAS_IP, "10.0.0.5"));
    port.apply(NODE, Map.of(), Set.of(HAS_IP));
    port.apply(NODE, Map.of(), Set.of(HAS_IP));
    assertThat(observedLabels(port, NODE)).doesNotContainKey(HAS_IP);
  }

  @Test
  void givenNoSuchNode_thenApplyAndReadFailWithPortException() {
    P port = createPort();
    NodeId ghost = NodeId.of("ghost");
    assertThatThrownBy(() -> port.apply(ghost, Map.of(HAS_IP, "10.0.0.5"), Set.of()))
        .isInstanceOf(PortException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> port.labels(ghost)).isInstanceOf(PortException.class).hasMessageContaining("ghost");
  }

  @Test
  void givenConcurrentWritersOfDifferentKeys_thenEveryKeyLands() throws Exception {
    P port = createPort();
    createNode(port, NODE, Map.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String key = "service-provided.kube-vip.io/svc" + i + ".default";
        String value = "10.0.0." + (10 + i);
        done.add(pool.submit(() -> port.apply(NODE, Map.of(key, value), Set.of())));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, String> labels = observedLabels(port, NODE);
    for (int i = 0; i < 8; i++) {
      assertThat(labels).containsEntry("service-provided.kube-vip.io/svc" + i + ".default", "10.0.0." + (10 + i));
    }
  }
}
