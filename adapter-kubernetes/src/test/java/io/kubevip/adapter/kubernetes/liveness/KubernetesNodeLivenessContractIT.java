// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.NodeId;
import io.kubevip.testkit.contract.NodeLivenessPortContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@MockKubernetesApi(crud = true)
class KubernetesNodeLivenessContractIT extends NodeLivenessPortContract<KubernetesNodeLiveness> {
  static final LeaseTiming FAST = new LeaseTiming(Duration.ofSeconds(2), Duration.ofMillis(1000), Duration.ofMillis(200));
  KubernetesClient client;

  @Override
  protected KubernetesNodeLiveness createPort(NodeId self) {
    return new KubernetesNodeLiveness(client, "kube-system", self, FAST);
  }

  @Test
  void givenRunningNode_thenOneLabelledLeasePerNodeWithItsName() {
    KubernetesNodeLiveness a = createPort(A);
    try {
      a.start((live, valid) -> {});
      await().atMost(Duration.ofSeconds(10)).until(a::selfValid);
      var lease = client.leases().inNamespace("kube-system").withName("kubevip-node-node-a").get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("node-a");
      assertThat(lease.getMetadata().getLabels()).containsEntry(KubernetesNodeLiveness.LIVENESS_LABEL, "true")
          .containsEntry(KubernetesNodeLiveness.NODE_LABEL, "node-a");
      assertThat(client.leases().inNamespace("kube-system").list().getItems()).hasSize(1);
    } finally {
      a.release();
    }
  }

  @Test
  void givenPeerThatStopsRenewing_whenItsLeaseDurationPassesOnOurClock_thenItIsNoLongerLive() {
    KubernetesNodeLiveness a = createPort(A);
    try {
      a.start((live, valid) -> {});
      // A peer whose process died: its Lease exists, nobody renews it.
      client.leases().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
          .withNewMetadata().withName("kubevip-node-node-b").withNamespace("kube-system")
          .addToLabels(KubernetesNodeLiveness.LIVENESS_LABEL, "true").addToLabels(KubernetesNodeLiveness.NODE_LABEL, "node-b")
          .endMetadata().withNewSpec().withHolderIdentity("node-b").withLeaseDurationSeconds(1)
          .withRenewTime(java.time.ZonedDateTime.now()).endSpec().build()).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.liveNodes().contains(B));
      await().atMost(Duration.ofSeconds(10)).until(() -> !a.liveNodes().contains(B));
      assertThat(a.liveNodes()).contains(A);
    } finally {
      a.release();
    }
  }
}
