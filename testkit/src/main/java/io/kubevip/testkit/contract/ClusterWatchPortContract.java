// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchPort;
import io.kubevip.testkit.fakes.RecordingClusterWatchListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterWatchPort} must do. The hooks change the cluster behind the port (the fake's setters,
 * or the API server of a mock/real cluster for adapter-kubernetes).
 */
public abstract class ClusterWatchPortContract<P extends ClusterWatchPort> {
  protected static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");
  protected P port;

  protected abstract P createPort();

  protected abstract void applyService(P port, ServiceIntent service);

  protected abstract void deleteService(P port, ServiceRef service);

  protected abstract void applyEndpoints(P port, EndpointNodes endpoints);

  protected abstract void applyNode(P port, NodeInfo node);

  /**
   * Sets the data of the address-pool ConfigMap behind the port. Ports that do not watch it keep this default,
   * which skips the pool test.
   */
  protected void applyPoolConfig(P port, Map<String, String> data) {
    Assumptions.abort("this port does not watch the pool ConfigMap");
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  private static ServiceIntent web() {
    return ServiceIntent.of(WEB, List.of("192.0.2.10"), List.of(ServicePort.tcp(80)));
  }

  @Test
  void givenExistingObjects_whenWatched_thenReplayedBeforeSynced() {
    applyService(port, web());
    applyNode(port, new NodeInfo(NodeId.of("n1"), true, true, Map.of()));
    RecordingClusterWatchListener listener = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = port.watch(listener)) {
      await().until(() -> listener.events().contains("synced"));
      assertThat(listener.events()).containsSubsequence("service+ default/web", "synced");
      assertThat(listener.events()).containsSubsequence("node+ n1 eligible", "synced");
    }
  }

  @Test
  void givenWatch_whenObjectsChange_thenEachChangeDelivered() {
    RecordingClusterWatchListener listener = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = port.watch(listener)) {
      await().until(() -> listener.events().contains("synced"));
      applyService(port, web());
      applyEndpoints(port, new EndpointNodes(WEB, "web-abc", Set.of(NodeId.of("n2"))));
      deleteService(port, WEB);
      await().until(() -> listener.events().contains("service- default/web"));
      assertThat(listener.events()).containsSubsequence(
          "synced", "service+ default/web", "endpoints+ default/web/web-abc [n2]", "service- default/web");
    }
  }

  @Test
  void givenClosedWatch_whenObjectsChange_thenNothingMoreDelivered() {
    RecordingClusterWatchListener closed = new RecordingClusterWatchListener();
    ClusterWatchPort.Watch w = port.watch(closed);
    await().until(() -> closed.events().contains("synced"));
    w.close();
    w.close();
    RecordingClusterWatchListener open = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w2 = port.watch(open)) {
      applyService(port, web());
      await().until(() -> open.events().contains("service+ default/web"));
      assertThat(closed.events()).doesNotContain("service+ default/web");
    }
  }

  @Test
  void givenWatch_whenPoolConfigChanges_thenParsedConfigDelivered() {
    RecordingClusterWatchListener listener = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = port.watch(listener)) {
      await().until(() -> listener.events().contains("synced"));
      applyPoolConfig(port, Map.of("cidr-global", "192.0.2.0/29"));
      await().until(() -> listener.events().stream().anyMatch(e -> e.startsWith("pools ") && e.contains("192.0.2.0/29")));
      applyPoolConfig(port, Map.of("range-global", "198.51.100.10-198.51.100.20"));
      await().until(() -> listener.events().stream().anyMatch(e -> e.startsWith("pools ") && e.contains("198.51.100.10")));
    }
  }
}
