// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubevip.testkit.fakes.RecordingClusterWatchListener;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The delivery rules without an API server: stores are plain maps, the listener records. */
class ClusterDeliveryTest {
  private final Map<String, Service> services = new TreeMap<>();
  private final Map<String, EndpointSlice> slices = new TreeMap<>();
  private final Map<String, Node> nodes = new TreeMap<>();
  private ConfigMap pool;
  private final RecordingClusterWatchListener listener = new RecordingClusterWatchListener();
  private final ClusterDelivery delivery = new ClusterDelivery(new ClusterDelivery.Stores() {
    @Override
    public Service service(String key) {
      return services.get(key);
    }

    @Override
    public EndpointSlice slice(String key) {
      return slices.get(key);
    }

    @Override
    public List<String> sliceKeysOf(String serviceKey) {
      return slices.entrySet().stream()
          .filter(e -> EndpointSliceTranslator.serviceKey(e.getValue()).orElse("").equals(serviceKey))
          .map(Map.Entry::getKey).toList();
    }

    @Override
    public Node node(String key) {
      return nodes.get(key);
    }

    @Override
    public ConfigMap poolConfigMap() {
      return pool;
    }
  }, ServiceWatchSettings.defaults(), listener);

  private void putService(String name, String type) {
    services.put("prod/" + name, KubeObjects.service("prod", name, type, null, Map.of()));
    delivery.serviceChanged("prod/" + name);
  }

  private void putSlice(String service, String slice, List<String> ready) {
    slices.put("prod/" + slice, KubeObjects.slice("prod", service, "uid-" + service, slice, ready, List.of("n9")));
    delivery.sliceChanged("prod/" + slice);
  }

  @Test
  void givenServiceWithTwoSlices_whenLocalSliceArrivesFirst_thenBothSlicesDeliveredSeparately() {
    putService("web", "LoadBalancer");
    putSlice("web", "web-local", List.of("me"));
    putSlice("web", "web-other", List.of("n2", "n3"));

    assertThat(listener.events()).containsSubsequence(
        "service+ prod/web", "endpoints+ prod/web/web-local [me]", "endpoints+ prod/web/web-other [n2, n3]");
    assertThat(listener.events()).noneMatch(e -> e.startsWith("endpoints- "));
  }

  @Test
  void givenSlicesBeforeTheirService_whenServiceArrives_thenEverySliceDeliveredWithTheServiceUid() {
    putSlice("web", "web-a", List.of("me"));
    putSlice("web", "web-b", List.of("n2"));
    putService("web", "LoadBalancer");

    assertThat(listener.events()).contains("endpoints+ prod/web/web-a [me]", "endpoints+ prod/web/web-b [n2]");
  }

  @Test
  void givenSliceOfClusterIpService_whenChanged_thenNotDelivered() {
    putService("dns", "ClusterIP");
    putSlice("dns", "dns-1", List.of("n1"));

    assertThat(listener.events()).isEmpty();
  }

  @Test
  void givenDeliveredService_whenTypeChangesToClusterIp_thenItsSlicesAndItAreDeleted() {
    putService("web", "LoadBalancer");
    putSlice("web", "web-a", List.of("me"));
    putService("web", "ClusterIP");

    assertThat(listener.events()).endsWith("endpoints- prod/web/web-a", "service- prod/web");
  }

  @Test
  void givenUnchangedObjects_whenNotifiedAgain_thenNothingDeliveredTwice() {
    putService("web", "LoadBalancer");
    putSlice("web", "web-a", List.of("me"));
    delivery.serviceChanged("prod/web");
    delivery.sliceChanged("prod/web-a");
    // only a not-ready endpoint changes: same ready nodes
    slices.put("prod/web-a", KubeObjects.slice("prod", "web", "uid-web", "web-a", List.of("me"), List.of("n7")));
    delivery.sliceChanged("prod/web-a");

    assertThat(listener.events()).containsExactly("service+ prod/web", "endpoints+ prod/web/web-a [me]");
  }

  @Test
  void givenDeliveredService_whenEditedToBadValue_thenRejectedOnceAndNotDeleted() {
    putService("web", "LoadBalancer");
    Service bad = new ServiceBuilder(services.get("prod/web")).editSpec().withExternalTrafficPolicy("Sometimes")
        .endSpec().build();
    services.put("prod/web", bad);
    delivery.serviceChanged("prod/web");
    delivery.serviceChanged("prod/web");

    assertThat(listener.events()).containsExactly("service+ prod/web",
        "service! prod/web spec.externalTrafficPolicy 'Sometimes': expected Cluster or Local");
  }

  @Test
  void givenRecreatedService_whenNewUidSeen_thenOldDeletedBeforeNewUpserted() {
    putService("web", "LoadBalancer");
    services.put("prod/web", new ServiceBuilder(services.get("prod/web")).editMetadata().withUid("uid-2").endMetadata()
        .build());
    delivery.serviceChanged("prod/web");

    assertThat(listener.events()).containsExactly("service+ prod/web", "service- prod/web", "service+ prod/web");
  }

  @Test
  void givenPoolConfigMap_whenAbsentThenSetThenDeleted_thenEachStateDeliveredOnce() {
    delivery.poolConfigChanged();
    pool = new ConfigMapBuilder().withNewMetadata().withName("kubevip").endMetadata()
        .withData(Map.of("cidr-global", "192.0.2.0/30", "cidr-bad", "nonsense")).build();
    delivery.poolConfigChanged();
    delivery.poolConfigChanged();
    pool = null;
    delivery.poolConfigChanged();

    assertThat(listener.events()).hasSize(3);
    assertThat(listener.events().get(1)).contains("192.0.2.0/30").contains("problems=").contains("cidr-bad");
    assertThat(listener.events().get(2)).isEqualTo("pools PoolConfig[]");
  }

  @Test
  void givenNode_whenChangedAndDeleted_thenUpsertAndDelete() {
    nodes.put("n1", KubeObjects.node(new io.kubevip.domain.node.NodeInfo(io.kubevip.domain.node.NodeId.of("n1"), true,
        true, Map.of())));
    delivery.nodeChanged("n1");
    nodes.remove("n1");
    delivery.nodeChanged("n1");
    delivery.nodeChanged("n1");

    assertThat(listener.events()).containsExactly("node+ n1 eligible", "node- n1");
  }

  @Test
  void givenVipHostAnnotation_whenSetChangedAndCleared_thenEachChangeDeliveredOnceAfterTheUpsert() {
    services.put("prod/web", KubeObjects.service("prod", "web", "LoadBalancer", null,
        Map.of(KubeVipAnnotations.VIP_HOST, "node-a")));
    delivery.serviceChanged("prod/web");
    delivery.serviceChanged("prod/web");
    services.put("prod/web", KubeObjects.service("prod", "web", "LoadBalancer", null,
        Map.of(KubeVipAnnotations.VIP_HOST, "node-b")));
    delivery.serviceChanged("prod/web");
    services.put("prod/web", KubeObjects.service("prod", "web", "LoadBalancer", null, Map.of()));
    delivery.serviceChanged("prod/web");

    assertThat(listener.events()).containsExactly("service+ prod/web", "host prod/web node-a", "host prod/web node-b",
        "host prod/web -");
  }
}
