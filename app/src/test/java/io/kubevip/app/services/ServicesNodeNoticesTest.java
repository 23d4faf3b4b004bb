// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static io.kubevip.app.services.SingleServicesNode.LEASE;
import static io.kubevip.app.services.SingleServicesNode.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events for Services the watch could not take come from the {@code svc_leasename} holder only. */
class ServicesNodeNoticesTest {
  private static final ServiceRef THEIRS = new ServiceRef("default", "theirs", "uid-theirs");
  private static final String REASON = "ignored: spec.loadBalancerClass is 'x.io/lb', expected 'kube-vip.io/kube-vip-class'";

  @RegisterExtension
  final SingleServicesNode services = new SingleServicesNode();
  private final FakeServiceCluster cluster = services.cluster;
  private final FakeLeaseStore leases = new FakeLeaseStore();
  private ServicesNode node;

  private void startNode() {
    node = services.election(new FakeLeaderElectionPort(leases, SELF.name())).start();
  }

  private long passes() {
    return services.passes();
  }

  @Test
  void givenThisNodeAllocates_whenServiceOfAnotherClassSeen_thenOneServiceIgnoredEvent() {
    startNode();
    await().atMost(Duration.ofSeconds(5)).until(() -> node.status().allocating());

    cluster.watch().ignore(THEIRS, REASON);
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of())); // another pass after it

    await().atMost(Duration.ofSeconds(5)).until(() -> !cluster.status().events(THEIRS).isEmpty());
    long after = passes();
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-3"), true, true, Map.of()));
    await().atMost(Duration.ofSeconds(5)).until(() -> passes() > after);
    assertThat(cluster.status().events(THEIRS)).singleElement().extracting(ServiceEvent::reason)
        .isEqualTo("ServiceIgnored");
  }

  @Test
  void givenAnotherNodeAllocates_whenServiceOfAnotherClassSeen_thenNoEventFromHere() {
    new FakeLeaderElectionPort(leases, "node-0").run(LEASE, new RecordingLeadershipCallbacks());
    startNode();
    long before = passes();

    cluster.watch().ignore(THEIRS, REASON);
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of()));

    await().atMost(Duration.ofSeconds(5)).until(() -> passes() > before);
    assertThat(cluster.status().events(THEIRS)).isEmpty();
  }
}
