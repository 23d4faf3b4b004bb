// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two allocators (two nodes' managers) race over one fake cluster while 200 Services are created at once: each
 * sees the cluster through its own watch, late by up to 300 ms; only one holds {@code svc_leasename} at a time,
 * and the lease changes hands in the middle. No address may be handed out twice.
 */
class AllocatorRaceTest {
  private static final Duration TICK = Duration.ofMillis(50);
  private static final Duration MAX_LAG = Duration.ofMillis(300);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void given200ServicesAndALeaseHandover_whenTwoAllocatorsRace_thenNoAddressIsHandedOutTwice(long seed) {
    Map<String, List<String>> owners = race(seed, Duration.ofSeconds(2));
    assertThat(owners).allSatisfy((address, services) -> assertThat(services).as(address).hasSize(1));
    assertThat(owners.values().stream().mapToInt(List::size).sum()).isEqualTo(200);
  }

  /** The guard matters: without the settle time the new holder hands out addresses it has not seen taken yet. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void givenNoSettleTime_whenTwoAllocatorsRace_thenDuplicatesAppear(long seed) {
    Map<String, List<String>> owners = race(seed, Duration.ZERO);
    assertThat(owners.values()).anyMatch(services -> services.size() > 1);
  }

  private static Map<String, List<String>> race(long seed, Duration settle) {
    Random random = new Random(seed);
    SteppingClock clock = new SteppingClock();
    FakeServiceCluster cluster = new FakeServiceCluster();
    cluster.watch().upsertPoolConfig(Map.of("cidr-global", "10.20.0.0/22"));
    ClusterModel viewA = new ClusterModel();
    ClusterModel viewB = new ClusterModel();
    LaggingWatch lagA = new LaggingWatch(viewA, clock, random, MAX_LAG);
    LaggingWatch lagB = new LaggingWatch(viewB, clock, random, MAX_LAG);
    cluster.watch().watch(lagA);
    cluster.watch().watch(lagB);
    ServiceAddressAllocator a = new ServiceAddressAllocator(cluster.status(), true, settle, clock);
    ServiceAddressAllocator b = new ServiceAddressAllocator(cluster.status(), true, settle, clock);
    a.leadershipGained();

    List<ServiceIntent> toCreate = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      toCreate.add(Svc.of(i % 2 == 0 ? "team-a" : "team-b", "svc-" + i).build());
    }
    Collections.shuffle(toCreate, random);
    int handoverTick = 8 + random.nextInt(8);
    for (int tick = 0; tick < 200; tick++) {
      clock.advance(TICK);
      for (int n = 0; n < 20 && !toCreate.isEmpty(); n++) { // 200 Services within the first 0.5 s
        cluster.watch().upsert(toCreate.remove(toCreate.size() - 1));
      }
      if (tick == handoverTick) { // A stops at once (fenced), B takes over
        a.leadershipLost();
        b.leadershipGained();
      }
      lagA.pump();
      lagB.pump();
      a.reconcile(viewA.snapshot());
      b.reconcile(viewB.snapshot());
    }
    Map<String, List<String>> owners = new HashMap<>();
    for (ServiceIntent s : cluster.watch().services()) {
      s.requestedAddresses().forEach(addr -> owners.computeIfAbsent(addr, k -> new ArrayList<>()).add(s.service().key()));
    }
    return owners;
  }
}
