// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLabelsPort;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code service-provided.kube-vip.io/<svc>.<ns>} follows what this node announces, and never holds announcing up. */
class ServicesNodeLabelsTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-svcs-lock");
  private static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");
  private static final String WEB_LABEL = "service-provided.kube-vip.io/web.default";
  private static final VipAddress VIP = VipAddress.parse("10.0.0.7");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeNodeLabelsPort labels = new FakeNodeLabelsPort().addNode(SELF, Map.of("team", "blue"));
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private ServicesNode node;

  @BeforeEach
  void startNode() {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    VipAnnouncer announcer = VipAnnouncer.l2(new FakeL2AnnouncePort(ETH0));
    Duration safety = Duration.ofMillis(200);
    node = new ServicesNode(new ServicesSettings(SELF, ETH0, Optional.empty(), false, Optional.empty()), LEASE,
        cluster.watch(), new FakeNodeLivenessPort(new FakeLivenessCluster(), SELF),
        new FakeLeaderElectionPort(new FakeLeaseStore(), SELF.name()), cluster.status(),
        new ServiceAddressAllocator(cluster.status(), false, Duration.ZERO, Clock.systemUTC()),
        new PlanExecutor(addresses, announcer, MetricsPort.NOOP), announcer,
        new ServicesMeters(new SimpleMeterRegistry(), SELF.name()),
        new ServicesNode.Timing(Duration.ofMillis(10), safety, Duration.ofHours(1)), Clock.systemUTC())
        .labelling(labels);
    node.start();
  }

  @AfterEach
  void stopNode() {
    node.withdrawForShutdown();
    node.stop();
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
