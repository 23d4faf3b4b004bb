// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.kubevip.testkit.netns.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two allocators racing: 200 Services created at once from eight threads while the {@code svc_leasename} holder —
 * the only allocator — is frozen (SIGSTOP) mid-burst, and thawed as soon as another node has taken the lease, so the
 * old holder wakes up believing it still allocates while the new one starts. Three real Services-only managers in
 * the default mode ({@code svc_election=false}: the holder announces every VIP), lease 3 s / renew 2 s / retry 1 s.
 * No address may be handed out twice, and every one ends up on the new holder alone.
 *
 * <p>Not SIGTERM: a manager closing its watches while the mock API has a backlog of events for them blocks the mock's
 * event loop for up to a minute per watch (fabric8 {@code WatchEventsListener.onClosed} waits for the backlog there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesAllocationRacePrivilegedIT {
  private static final int SERVICES = 200;
  private static final Duration SETTLE = Duration.ofSeconds(120);

  private ServicesLab lab;
  private ScheduledExecutorService leaseWatch;

  @BeforeAll
  void startLab() {
    Privileged.assume();
    lab = ServicesLab.start("race", Map.of("svc_election", "false"),
        Map.of("range-global", "10.99.0.20-10.99.0.99,10.99.0.101-10.99.0.250"));
  }

  @AfterAll
  void stopLab() {
    if (leaseWatch != null) {
      leaseWatch.shutdownNow();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void given200ServicesCreatedAtOnce_whenTheAllocatorChangesMidBurst_thenNoAddressIsHandedOutTwice() throws Exception {
    await().atMost(SETTLE).ignoreExceptions().until(() -> lab.svcLeaseHolder().isPresent());
    String first = lab.svcLeaseHolder().orElseThrow();
    lab.log("svc_leasename held by " + first);

    Set<String> holdersSeen = ConcurrentHashMap.newKeySet();
    leaseWatch = Executors.newSingleThreadScheduledExecutor();
    leaseWatch.scheduleWithFixedDelay(() -> {
      try {
        lab.svcLeaseHolder().ifPresent(holdersSeen::add);
      } catch (RuntimeException e) {
        // a stalled API (see ServicesLab.createServiceRetrying): the next sample retries
      }
    }, 0, 100, TimeUnit.MILLISECONDS);

    ExecutorService creators = Executors.newFixedThreadPool(8);
    AtomicInteger created = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    String second;
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(creators.submit(() -> {
          for (int i = thread; i < SERVICES; i += 8) {
            lab.createServiceRetrying("race", String.format("svc-%03d", i));
            created.incrementAndGet();
          }
        }));
      }
      // Mid-burst, as soon as the first allocator has written its first address: freeze it (SIGSTOP, like a long GC
      // pause or a stalled VM). Its connections stay open, so when it is thawed right after another node took the
      // lease, it wakes up with overdue timers, a stale picture and, until its election notices, the belief that it
      // still allocates: two allocators at once.
      await().atMost(SETTLE).ignoreExceptions().pollInterval(Duration.ofMillis(50)).until(() -> allocatedCount() > 0);
      int atStop = allocatedCount();
      int createdAtStop = created.get();
      long t0 = System.nanoTime();
      lab.freeze(first);
      try {
        await().atMost(SETTLE).ignoreExceptions().pollInterval(Duration.ofMillis(50))
            .until(() -> lab.svcLeaseHolder().filter(h -> !h.equals(first)).isPresent());
      } finally {
        lab.thaw(first);
      }
      second = lab.svcLeaseHolder().orElseThrow();
      lab.log("froze " + first + " with " + createdAtStop + " created, " + atStop + " allocated; " + second
          + " took svc_leasename after " + (System.nanoTime() - t0) / 1_000_000 + " ms, " + first + " thawed then");
      assertThat(atStop).as("the freeze falls inside the burst").isLessThan(SERVICES);
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      creators.shutdownNow();
    }

    await().atMost(SETTLE).ignoreExceptions().pollInterval(Duration.ofMillis(500))
        .until(() -> allocatedCount() == SERVICES);
    leaseWatch.shutdownNow();
    lab.log("all " + SERVICES + " allocated; svc_leasename holders seen " + holdersSeen);
    assertThat(holdersSeen).as("the allocator changed during the burst").contains(first, second);

    Map<String, List<String>> byAddress = new TreeMap<>();
    for (Service s : lab.client().services().inNamespace("race").list().getItems()) {
      for (String a : ServicesLab.allocated(s)) {
        byAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(s.getMetadata().getName());
      }
    }
    Map<String, List<String>> duplicates = new HashMap<>();
    byAddress.forEach((a, names) -> {
      if (names.size() > 1) {
        duplicates.put(a, names);
      }
    });
    assertThat(duplicates).as("addresses handed out twice").isEmpty();
    assertThat(byAddress).as("one address per Service").hasSize(SERVICES);

    // svc_election=false: the holder announces every VIP, and nobody else holds any.
    String holder = lab.svcLeaseHolder().orElseThrow();
    await().atMost(SETTLE).ignoreExceptions().pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      Map<String, Set<String>> holders = lab.lan().holders();
      assertThat(holders.keySet()).as("every address on a node").containsExactlyInAnyOrderElementsOf(
          byAddress.keySet());
      assertThat(holders.values()).as("each on the holder %s alone", holder).allMatch(n -> n.equals(Set.of(holder)));
    });
    List<Service> sample = new ArrayList<>();
    for (int i = 0; i < SERVICES; i += 20) {
      lab.service("race", String.format("svc-%03d", i)).ifPresent(sample::add);
    }
    await().atMost(SETTLE).ignoreExceptions().until(() -> lab.announcementProblems(sample).isEmpty());
    Set<String> hosts = new TreeSet<>();
    sample.forEach(s -> lab.vipHost("race", s.getMetadata().getName()).ifPresent(hosts::add));
    assertThat(hosts).isEqualTo(Set.of(holder));
  }

  private int allocatedCount() {
    return (int) lab.client().services().inNamespace("race").list().getItems().stream()
        .filter(s -> !ServicesLab.allocated(s).isEmpty()).count();
  }
}
