// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static io.kubevip.app.services.SingleServicesNode.ETH0;
import static io.kubevip.app.services.SingleServicesNode.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.testkit.fakes.FakeNodeLabelsPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code service-provided.kube-vip.io/<svc>.<ns>} follows what this node announces, and never holds announcing up. */
class ServicesNodeLabelsTest {
  private static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");
  private static final String WEB_LABEL = "service-provided.kube-vip.io/web.default";
  private static final VipAddress VIP = VipAddress.parse("10.0.0.7");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @RegisterExtension
  final SingleServicesNode services = new SingleServicesNode();
  private final FakeServiceCluster cluster = services.cluster;
  private final FakeNodeLabelsPort labels = new FakeNodeLabelsPort().addNode(SELF, Map.of("team", "blue"));
  private final FakeVipAddressPort addresses = services.addresses;
  private ServicesNode node;

  @BeforeEach
  void startNode() {
    node = services.allocating(false).safetyPeriod(Duration.ofMillis(200)).labelling(labels).start();
  }

  @Test
  void givenServiceAnnouncedHere_thenLabelled_andDeletingItRemovesTheLabel() {
    cluster.watch().upsert(ServiceIntent.of(WEB, List.of("10.0.0.7"), List.of(ServicePort.tcp(80))));
    await().atMost(PATIENCE).until(() -> "10.0.0.7".equals(labels.current(SELF).get(WEB_LABEL)));

    cluster.watch().delete(WEB);

    await().atMost(PATIENCE).until(() -> !labels.current(SELF).containsKey(WEB_LABEL));
    assertThat(labels.current(SELF)).containsEntry("team", "blue");
  }

  @Test
  void givenLabelWritesFail_thenTheVipIsAnnouncedAnyway_andLabelledOnceWritesWork() {
    labels.log().failAll("labels.apply");
    cluster.watch().upsert(ServiceIntent.of(WEB, List.of("10.0.0.7"), List.of(ServicePort.tcp(80))));
    await().atMost(PATIENCE).until(() -> addresses.addresses(ETH0).contains(VIP));
    await().atMost(PATIENCE).until(() -> labels.log().calls("labels.apply").size() >= 2);
    assertThat(labels.current(SELF)).doesNotContainKey(WEB_LABEL);

    labels.log().heal();

    await().atMost(PATIENCE).until(() -> labels.current(SELF).containsKey(WEB_LABEL));
  }

  @Test
  void givenShutdown_thenTheLabelIsRemovedWithTheVip() {
    cluster.watch().upsert(ServiceIntent.of(WEB, List.of("10.0.0.7"), List.of(ServicePort.tcp(80))));
    await().atMost(PATIENCE).until(() -> labels.current(SELF).containsKey(WEB_LABEL));

    node.withdrawForShutdown();

    assertThat(addresses.addresses(ETH0)).doesNotContain(VIP);
    assertThat(labels.current(SELF)).doesNotContainKey(WEB_LABEL).containsEntry("team", "blue");
  }
}
