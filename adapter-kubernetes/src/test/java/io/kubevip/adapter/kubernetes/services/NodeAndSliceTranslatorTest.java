// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAndSliceTranslatorTest {
  private static final ServiceRef WEB = new ServiceRef("prod", "web", "u1");

  @Test
  void givenReadyCordonedNodeWithExcludeLabel_whenTranslated_thenAllCarried() {
    NodeInfo n = NodeTranslator.translate(new NodeBuilder()
        .withNewMetadata().withName("n1").withLabels(Map.of(KubeVipAnnotations.EXCLUDE_FROM_LB, "")).endMetadata()
        .withNewSpec().withUnschedulable(true).endSpec()
        .withNewStatus().addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
        .build());

    assertThat(n).isEqualTo(new NodeInfo(NodeId.of("n1"), true, false,
        Map.of("node.kubernetes.io/exclude-from-external-load-balancers", "")));
  }

  @Test
  void givenLabelWithNullValue_whenTranslated_thenItIsAbsentAndTheNodeUsable() {
    Map<String, String> labels = new java.util.HashMap<>(Map.of("zone", "a"));
    labels.put("service-provided.kube-vip.io/web.prod", null); // removed by a merge patch, kept as null by some servers
    NodeInfo n = NodeTranslator.translate(new NodeBuilder().withNewMetadata().withName("n3").withLabels(labels)
        .endMetadata().build());

    assertThat(n.labels()).containsExactly(Map.entry("zone", "a"));
  }

  @Test
  void givenNodeWithoutStatus_whenTranslated_thenNotReadyButSchedulable() {
    NodeInfo n = NodeTranslator.translate(new NodeBuilder().withNewMetadata().withName("n2").endMetadata().build());

    assertThat(n.ready()).isFalse();
    assertThat(n.schedulable()).isTrue();
  }

  @Test
  void givenSliceWithReadyUnsetAndNotReadyEndpoints_whenTranslated_thenOnlyReadyNodes() {
    EndpointSlice slice = new EndpointSliceBuilder()
        .withNewMetadata().withNamespace("prod").withName("web-1")
        .withLabels(Map.of("kubernetes.io/service-name", "web")).endMetadata()
        .withEndpoints(
            new EndpointBuilder().withAddresses("10.0.0.1").withNodeName("a").build(),
            new EndpointBuilder().withAddresses("10.0.0.2").withNodeName("b").withNewConditions().withReady(false)
                .endConditions().build(),
            new EndpointBuilder().withAddresses("10.0.0.3").withNodeName("c").withNewConditions().withReady(true)
                .endConditions().build(),
            new EndpointBuilder().withAddresses("10.0.0.4").build())
        .build();

    assertThat(EndpointSliceTranslator.serviceKey(slice)).contains("prod/web");
    assertThat(EndpointSliceTranslator.translate(WEB, slice))
        .isEqualTo(new EndpointNodes(WEB, "web-1", java.util.Set.of(NodeId.of("a"), NodeId.of("c"))));
  }

  @Test
  void givenSliceWithoutServiceLabel_whenKeyed_thenEmpty() {
    EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata().withNamespace("prod").withName("x").endMetadata()
        .build();

    assertThat(EndpointSliceTranslator.serviceKey(slice)).isEmpty();
  }

  @Test
  void givenOwnerReference_whenOwnerUidRead_thenServiceUid() {
    EndpointSlice slice = KubeObjects.slice("prod", "web", "u9", "web-1", List.of("a"), List.of());

    assertThat(EndpointSliceTranslator.ownerUid(slice, "web")).contains("u9");
    assertThat(EndpointSliceTranslator.ownerUid(slice, "other")).isEmpty();
  }
}
