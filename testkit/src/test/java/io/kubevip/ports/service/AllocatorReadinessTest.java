// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Readiness asks the allocator whether it leads; with thousands of Services a pass holds the allocator's lock for
 * minutes of API writes (bench/services-scale.sh, N = 10,000), and /readyz must not wait for it.
 */
class AllocatorReadinessTest {
  @Test
  void givenAPassBlockedInAnApiWrite_whenAskedWhetherLeading_thenAnswersWithoutWaitingForThePass() throws Exception {
    SteppingClock clock = new SteppingClock();
    FakeServiceCluster cluster = new FakeServiceCluster();
    ClusterModel model = new ClusterModel();
    cluster.watch().watch(model);
    ServiceAddressAllocator allocator = new ServiceAddressAllocator(cluster.status(), true, Duration.ZERO, clock);
    allocator.leadershipGained();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    cluster.status().onAllocation((ref, vips) -> {
      writing.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    cluster.watch().upsert(Svc.of("a", "one").build());
    Thread pass = new Thread(() -> allocator.reconcile(model.snapshot()), "allocation-pass");
    pass.start();
    try {
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Boolean> leading = CompletableFuture.supplyAsync(allocator::leading);
      assertThat(leading.get(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      pass.join(10_000);
    }
  }
}
