// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static io.kubevip.app.services.SingleServicesNode.ETH0;
import static io.kubevip.app.services.SingleServicesNode.LEASE;
import static io.kubevip.app.services.SingleServicesNode.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fencing does not wait for a slow API: when {@code svc_leasename} is lost while the holder's pass is waiting for
 * its status writes (an API server swamped by thousands of writes), the VIPs go at once, not when the writes finish
 * or the wait times out (10 s, longer than the 5 s between the renew deadline and the Lease's expiry).
 */
class ServicesNodeFencingTest {
  private static final NodeId OTHER = NodeId.of("node-2");
  private static final VipAddress VIP = VipAddress.parse("192.0.2.50");
  private static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");

  @RegisterExtension
  final SingleServicesNode services = new SingleServicesNode();
  private final FakeServiceCluster cluster = services.cluster;
  private final FakeVipAddressPort addresses = services.addresses;
  private final FakeLeaderElectionPort election = new FakeLeaderElectionPort(SELF.name());
  private final FakeLivenessCluster liveness = new FakeLivenessCluster();
  private final CountDownLatch apiStuck = new CountDownLatch(1);
  private final CountDownLatch reportStarted = new CountDownLatch(1);

  @AfterEach
  void releaseTheApi() {
    apiStuck.countDown(); // before the node stops (SingleServicesNode stops it after this)
  }

  @Test
  void givenPassWaitingForStuckStatusWrites_whenLeaseLost_thenVipsWithdrawnAtOnce() throws Exception {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    cluster.watch().upsert(new NodeInfo(OTHER, true, true, Map.of()));
    new FakeNodeLivenessPort(liveness, OTHER).start((live, selfValid) -> {});
    cluster.watch().upsert(new ServiceIntent(WEB, Optional.empty(), List.of(VIP.hostText()),
        List.of(ServicePort.tcp(80)), null, null, null, Optional.empty(), Optional.empty(), false, false));
    ForwardingServiceStatusPort slowApi = new ForwardingServiceStatusPort(cluster.status()) {
      @Override
      public void reportAnnouncement(ServiceRef service, List<VipAddress> vips, Optional<NodeId> announcedBy,
          ServiceCondition condition) {
        reportStarted.countDown();
        try {
          apiStuck.await(); // the API answers no write until the test ends
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        super.reportAnnouncement(service, vips, announcedBy, condition);
      }
    };
    services.liveness(liveness).election(election).reports(slowApi).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(ETH0).contains(VIP));
    assertThat(reportStarted.await(10, TimeUnit.SECONDS)).as("the pass's report write started").isTrue();

    new FakeLeaderElectionPort(election.store(), OTHER.name()).run(LEASE, new RecordingLeadershipCallbacks());
    long lost = System.nanoTime();
    CompletableFuture<Void> losing = CompletableFuture.runAsync(() -> election.store().loseLease(LEASE)); // to node-2, live and eligible

    await().atMost(Duration.ofSeconds(3)).until(() -> !addresses.addresses(ETH0).contains(VIP));
    assertThat(Duration.ofNanos(System.nanoTime() - lost)).isLessThan(Duration.ofSeconds(3));
    losing.get(10, TimeUnit.SECONDS);
  }
}
