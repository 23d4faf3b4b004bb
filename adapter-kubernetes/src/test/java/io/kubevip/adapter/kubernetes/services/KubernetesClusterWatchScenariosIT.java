// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.ClusterWatchPort;
import io.kubevip.testkit.fakes.RecordingClusterWatchListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@MockKubernetesApi(crud = true)
class KubernetesClusterWatchScenariosIT {
  KubernetesClient client;
  io.fabric8.kubernetes.client.server.mock.KubernetesMockServer server;

  private <T extends HasMetadata> T apply(T o) {
    return client.resource(o).createOr(NonDeletingOperation::update);
  }

  private static ServiceIntent named(SliceTable table, String name) {
    return table.services.values().stream().filter(s -> s.service().name().equals(name)).findFirst().orElseThrow();
  }

  /** Keeps the latest state per slice, as a reconciler would. */
  static final class SliceTable implements ClusterWatchListener {
    final Map<String, Set<NodeId>> bySlice = new ConcurrentHashMap<>();
    final Map<ServiceRef, ServiceIntent> services = new ConcurrentHashMap<>();

    @Override
    public void serviceUpserted(ServiceIntent service) {
      services.put(service.service(), service);
    }

    @Override
    public void endpointsUpserted(EndpointNodes endpoints) {
      bySlice.put(endpoints.service().key() + "/" + endpoints.sliceName(), endpoints.readyNodes());
    }

    @Override
    public void endpointsDeleted(ServiceRef service, String sliceName) {
      bySlice.remove(service.key() + "/" + sliceName);
    }

    Set<NodeId> readyNodesOf(String serviceKey) {
      Set<NodeId> all = new java.util.TreeSet<>();
      bySlice.forEach((k, v) -> {
        if (k.startsWith(serviceKey + "/")) {
          all.addAll(v);
        }
      });
      return all;
    }
  }

  @Test
  void givenEndpointsInTwoSlices_whenLocalSliceReceivedFirst_thenBothSlicesReportedAndLocalNodeKept() {
    String uid = apply(KubeObjects.service("prod", "web", "LoadBalancer", null,
        Map.of("kube-vip.io/loadbalancerIPs", "192.0.2.10"))).getMetadata().getUid();
    SliceTable table = new SliceTable();
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults()).watch(
        new Both(table, rec))) {
      await().until(() -> rec.events().contains("synced"));
      apply(KubeObjects.slice("prod", "web", uid, "web-local", List.of("me"), List.of()));
      await().until(() -> rec.events().contains("endpoints+ prod/web/web-local [me]"));
      apply(KubeObjects.slice("prod", "web", uid, "web-other", List.of("n2", "n3"), List.of("me")));
      await().until(() -> rec.events().contains("endpoints+ prod/web/web-other [n2, n3]"));

      assertThat(table.readyNodesOf("prod/web")).containsExactly(NodeId.of("me"), NodeId.of("n2"), NodeId.of("n3"));
      assertThat(table.services.keySet()).containsExactly(new ServiceRef("prod", "web", uid));
    }
  }

  @Test
  void givenMixOfServices_whenWatchedWithDefaults_thenOnlyLoadBalancersOfOurClassOrNoneDelivered() {
    apply(KubeObjects.service("prod", "plain", "LoadBalancer", null, Map.of()));
    apply(KubeObjects.service("prod", "ours", "LoadBalancer", ServiceWatchSettings.DEFAULT_CLASS, Map.of()));
    apply(KubeObjects.service("prod", "metallb", "LoadBalancer", "metallb.io/metallb", Map.of()));
    apply(KubeObjects.service("prod", "internal", "ClusterIP", null, Map.of()));
    apply(KubeObjects.service("prod", "np", "NodePort", null, Map.of()));
    apply(KubeObjects.service("prod", "skip", "LoadBalancer", null, Map.of("kube-vip.io/ignore", "true")));
    SliceTable table = new SliceTable();
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults())
        .watch(new Both(table, rec))) {
      await().until(() -> rec.events().contains("synced"));

      assertThat(rec.events()).filteredOn(e -> e.startsWith("service")).containsExactlyInAnyOrder(
          "service+ prod/plain", "service+ prod/ours", "service+ prod/skip");
      assertThat(named(table, "skip").ignored()).isTrue();
      assertThat(named(table, "plain").ignored()).isFalse();
    }
  }

  @Test
  void givenClassOnlyAndNamespace_whenWatched_thenOnlyOurClassInThatNamespace() {
    apply(KubeObjects.service("prod", "plain", "LoadBalancer", null, Map.of()));
    apply(KubeObjects.service("prod", "ours", "LoadBalancer", ServiceWatchSettings.DEFAULT_CLASS, Map.of()));
    apply(KubeObjects.service("dev", "ours", "LoadBalancer", ServiceWatchSettings.DEFAULT_CLASS, Map.of()));
    ServiceWatchSettings settings = ServiceWatchSettings.defaults().withServiceNamespace("prod")
        .withClassHandling(true, ServiceWatchSettings.DEFAULT_CLASS, true);
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, settings).watch(rec)) {
      await().until(() -> rec.events().contains("synced"));

      assertThat(rec.events()).filteredOn(e -> e.startsWith("service")).containsExactly("service+ prod/ours");
    }
  }

  @Test
  void givenDeliveredService_whenTypeChangedToClusterIp_thenDeletedForTheListener() {
    apply(KubeObjects.service("prod", "web", "LoadBalancer", null, Map.of()));
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults()).watch(rec)) {
      await().until(() -> rec.events().contains("synced"));
      apply(KubeObjects.service("prod", "web", "ClusterIP", null, Map.of()));

      await().until(() -> rec.events().contains("service- prod/web"));
    }
  }

  @Test
  void givenCustomPoolConfigMap_whenChanged_thenListenerGetsParsedConfig() {
    ServiceWatchSettings settings = ServiceWatchSettings.defaults().withPoolConfigMap("kubevip-system", "pools");
    AtomicReference<PoolConfig> last = new AtomicReference<>();
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    ClusterWatchListener listener = new Both(new ClusterWatchListener() {
      @Override
      public void poolConfigChanged(PoolConfig config) {
        last.set(config);
      }
    }, rec);
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, settings).watch(listener)) {
      await().until(() -> rec.events().contains("synced"));
      assertThat(last.get().pools()).isEmpty();
      apply(new ConfigMapBuilder().withNewMetadata().withNamespace("kube-system").withName("kubevip").endMetadata()
          .withData(Map.of("cidr-global", "198.51.100.0/24")).build());
      apply(new ConfigMapBuilder().withNewMetadata().withNamespace("kubevip-system").withName("pools").endMetadata()
          .withData(Map.of("cidr-prod", "192.0.2.0/29")).build());

      await().atMost(Duration.ofSeconds(10)).until(() -> last.get().poolFor("prod").isPresent());
      assertThat(last.get().poolFor("other")).isEmpty();
    }
  }

  @Test
  void givenMalformedService_whenWatched_thenRejectedWithReasonAndWatchKeepsDelivering() {
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults()).watch(rec)) {
      await().until(() -> rec.events().contains("synced"));
      apply(new io.fabric8.kubernetes.api.model.ServiceBuilder(KubeObjects.service("prod", "bad", "LoadBalancer", null, Map.of()))
          .editSpec().withExternalTrafficPolicy("Sometimes").endSpec().build());
      apply(KubeObjects.service("prod", "good", "LoadBalancer", null, Map.of()));

      await().until(() -> rec.events().contains("service+ prod/good"));
      assertThat(rec.events()).contains(
          "service! prod/bad spec.externalTrafficPolicy 'Sometimes': expected Cluster or Local");
      assertThat(rec.events()).doesNotContain("service+ prod/bad");
    }
  }

  @Test
  void givenServiceOfAnotherClass_whenWatchedAndEdited_thenReportedIgnoredOnceNamingTheClass_andOthersDelivered() {
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults()).watch(rec)) {
      await().until(() -> rec.events().contains("synced"));
      apply(KubeObjects.service("prod", "theirs", "LoadBalancer", "example.com/other-lb", Map.of()));
      apply(KubeObjects.service("prod", "theirs", "LoadBalancer", "example.com/other-lb", Map.of("team", "a")));
      apply(KubeObjects.service("prod", "ours", "LoadBalancer", null, Map.of()));

      await().until(() -> rec.events().contains("service+ prod/ours"));
      assertThat(rec.events()).filteredOn(e -> e.startsWith("service? prod/theirs")).singleElement()
          .satisfies(e -> assertThat(e).contains("'example.com/other-lb'").contains("'kube-vip.io/kube-vip-class'"));
      assertThat(rec.events()).noneMatch(e -> e.startsWith("service+ prod/theirs"));
    }
  }

  @Test
  void givenDeliveredService_whenIgnoreAnnotationAdded_thenUpsertedAsIgnored() {
    apply(KubeObjects.service("prod", "web", "LoadBalancer", null, Map.of()));
    SliceTable table = new SliceTable();
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults())
        .watch(new Both(table, rec))) {
      await().until(() -> rec.events().contains("synced"));
      assertThat(named(table, "web").ignored()).isFalse();
      apply(KubeObjects.service("prod", "web", "LoadBalancer", null, Map.of("kube-vip.io/ignore", "true")));

      await().until(() -> named(table, "web").ignored());
    }
  }

  @Test
  void givenPoolConfigMapForbidden_whenWatched_thenServicesStillSyncedWithEmptyPools() {
    server.expect().get()
        .withPath("/api/v1/namespaces/kube-system/configmaps?fieldSelector=metadata.name%3Dkubevip&resourceVersion=0")
        .andReturn(403, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("configmaps is forbidden").build())
        .always();
    apply(KubeObjects.service("prod", "web", "LoadBalancer", null, Map.of()));
    RecordingClusterWatchListener rec = new RecordingClusterWatchListener();
    try (ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults()).watch(rec)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> rec.events().contains("synced"));

      assertThat(rec.events()).containsSubsequence("service+ prod/web", "pools PoolConfig[]", "synced");
    }
  }

  /** Fans each callback out to two listeners. */
  record Both(ClusterWatchListener a, ClusterWatchListener b) implements ClusterWatchListener {
    @Override
    public void serviceUpserted(ServiceIntent s) {
      a.serviceUpserted(s);
      b.serviceUpserted(s);
    }

    @Override
    public void serviceDeleted(ServiceRef s) {
      a.serviceDeleted(s);
      b.serviceDeleted(s);
    }

    @Override
    public void serviceRejected(ServiceRef s, String p) {
      a.serviceRejected(s, p);
      b.serviceRejected(s, p);
    }

    @Override
    public void endpointsUpserted(EndpointNodes e) {
      a.endpointsUpserted(e);
      b.endpointsUpserted(e);
    }

    @Override
    public void endpointsDeleted(ServiceRef s, String n) {
      a.endpointsDeleted(s, n);
      b.endpointsDeleted(s, n);
    }

    @Override
    public void nodeUpserted(io.kubevip.domain.node.NodeInfo n) {
      a.nodeUpserted(n);
      b.nodeUpserted(n);
    }

    @Override
    public void nodeDeleted(NodeId n) {
      a.nodeDeleted(n);
      b.nodeDeleted(n);
    }

    @Override
    public void poolConfigChanged(PoolConfig c) {
      a.poolConfigChanged(c);
      b.poolConfigChanged(c);
    }

    @Override
    public void synced() {
      a.synced();
      b.synced();
    }
  }
}
