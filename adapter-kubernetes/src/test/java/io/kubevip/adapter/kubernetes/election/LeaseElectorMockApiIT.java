// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.lease.LeaseTiming;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The election against the fabric8 mock API server in CRUD mode (409 on stale resourceVersion, real watches). */
@MockKubernetesApi(crud = true)
class LeaseElectorMockApiIT {
  private static final LeaseTiming TIMING =
      new LeaseTiming(Duration.ofMillis(4500), Duration.ofMillis(3000), Duration.ofMillis(1500));

  KubernetesClient client;
  private final Timeline timeline = new Timeline();
  private LeaseElector a;
  private LeaseElector b;

  @AfterEach
  void close() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private LeaseElector elector(String node) {
    return LeaseElector.onLease(client, "kube-system", "plndr-cp-lock", node, TIMING, Clock.systemUTC(),
        timeline.listener(node));
  }

  @Test
  void givenTwoCandidates_whenStarted_thenExactlyOneLeadsAndTheLeaseNamesIt() {
    a = elector("node1");
    b = elector("node2");
    a.start();
    b.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> a.isLeader() ^ b.isLeader());
    await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> a.isLeader() ^ b.isLeader());
    Lease lease = client.leases().inNamespace("kube-system").withName("plndr-cp-lock").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(a.isLeader() ? "node1" : "node2");
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(5);
    assertThat(lease.getMetadata().getAnnotations()).containsEntry(Fabric8LeaseStore.DURATION_MS_ANNOTATION, "4500");
    assertThat(timeline.neverTwoLeaders()).isTrue();
  }

  @Test
  void givenLeaderReleases_whenPeerWatches_thenPeerLeadsWithoutWaitingForExpiry() {
    a = elector("node1");
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    b = elector("node2");
    b.start();
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> !b.isLeader());
    long t0 = System.nanoTime();

    a.releaseAndStop(Duration.ofSeconds(2));

    await().atMost(Duration.ofSeconds(3)).until(b::isLeader);
    long started = timeline.first("node2", "started").orElseThrow().nanos();
    // A crashed leader's Lease is taken only after the whole lease duration; a released one well before. (That the
    // watch, not polling, drives it is proven deterministically in LeaseElectorFencingTest; the mock's watch
    // delivery is too slow under load to time here.)
    assertThat(Duration.ofNanos(started - t0)).isLessThan(TIMING.leaseDuration().minus(TIMING.retryPeriod()));
    Lease lease = client.leases().inNamespace("kube-system").withName("plndr-cp-lock").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("node2");
    assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
  }
}
