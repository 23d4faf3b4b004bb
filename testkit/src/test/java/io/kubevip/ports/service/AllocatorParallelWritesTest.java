// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The allocations of one pass are written together when the allocator is given writer threads. */
class AllocatorParallelWritesTest {
  private final SteppingClock clock = new SteppingClock();
  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final ClusterModel model = new ClusterModel();
  private final ExecutorService writers = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  /** Each write waits until all three are in flight: written one after the other, none would ever finish. */
  private static final class Rendezvous extends ForwardingServiceStatusPort {
    final CountDownLatch inFlight = new CountDownLatch(3);
    volatile boolean allMet = true;

    Rendezvous(FakeServiceCluster cluster) {
      super(cluster.status());
    }

    @Override
    public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
      inFlight.countDown();
      try {
        if (!inFlight.await(10, TimeUnit.SECONDS)) {
          allMet = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (service.name().equals("b")) {
        throw new PortException("HTTP 500 from the API server");
      }
      super.recordAllocation(service, addresses);
    }
  }

  @Test
  void givenThreeNewServices_whenAPassRuns_thenTheirWritesAreInFlightTogether_andAFailedOneIsRetriedLater() {
    cluster.watch().watch(model);
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.9.0.1-10.9.0.10"));
    for (String name : List.of("a", "b", "c")) {
      cluster.watch().upsert(Svc.of("prod", name).build());
    }
    Rendezvous status = new Rendezvous(cluster);
    ServiceAddressAllocator allocator = new ServiceAddressAllocator(status, true, Duration.ZERO, clock,
        ServiceAddressAllocator.DEFAULT_MAX_PER_PASS, writers);
    allocator.leadershipGained();

    AllocationPass pass = allocator.reconcile(model.snapshot());

    assertThat(status.allMet).as("all three writes in flight at once").isTrue();
    assertThat(pass.allocated()).containsOnlyKeys(Svc.ref("prod", "a"), Svc.ref("prod", "c"));
    assertThat(pass.failed()).containsOnlyKeys(Svc.ref("prod", "b"));
    assertThat(pass.failed().get(Svc.ref("prod", "b"))).contains("kube-vip.io/loadbalancerIPs", "HTTP 500");
    assertThat(cluster.addressesOf(Svc.ref("prod", "a"))).containsExactly("10.9.0.1");
    assertThat(cluster.addressesOf(Svc.ref("prod", "c"))).containsExactly("10.9.0.3");

    // the failed one is not pending: the next pass writes it again, with an address nobody holds
    ServiceAddressAllocator sequential = new ServiceAddressAllocator(cluster.status(), true, Duration.ZERO, clock);
    sequential.leadershipGained();
    sequential.reconcile(model.snapshot());
    assertThat(cluster.addressesOf(Svc.ref("prod", "b"))).singleElement().isIn("10.9.0.2", "10.9.0.4");
  }
}
