// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.lease.LeaseTiming;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Split-brain safety of the election with a Lease store that can be partitioned per node. */
class LeaseElectorFencingTest {
  private static final LeaseTiming FAST =
      new LeaseTiming(Duration.ofMillis(1200), Duration.ofMillis(600), Duration.ofMillis(150));

  private final InMemoryLeaseStore api = new InMemoryLeaseStore();
  private final Timeline timeline = new Timeline();
  private InMemoryLeaseStore.View viewA;
  private InMemoryLeaseStore.View viewB;
  private LeaseElector a;
  private LeaseElector b;

  private void startBoth() {
    viewA = api.view();
    viewB = api.view();
    a = new LeaseElector(viewA, "node-a", FAST, Clock.systemUTC(), timeline.listener("node-a"));
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    b = new LeaseElector(viewB, "node-b", FAST, Clock.systemUTC(), timeline.listener("node-b"));
    b.start();
  }

  @AfterEach
  void close() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  void givenLeaderCutOffFromApi_whenRenewalsFail_thenItStopsBeforeTheOtherStartsByAtLeastTheFencingMargin() {
    startBoth();
    await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> a.isLeader() && !b.isLeader());

    viewA.partitioned.set(true);

    await().atMost(Duration.ofSeconds(5)).until(() -> timeline.first("node-b", "started").isPresent());
    long stoppedA = timeline.first("node-a", "stopped").orElseThrow().nanos();
    long startedB = timeline.first("node-b", "started").orElseThrow().nanos();
    assertThat(Duration.ofNanos(startedB - stoppedA))
        .as("old leader silent before the new one announces")
        .isGreaterThanOrEqualTo(FAST.safetyMargin().minusMillis(50));
    assertThat(timeline.neverTwoLeaders()).isTrue();
    assertThat(a.isLeader()).isFalse();
    assertThat(a.lastTakeoverGap()).as("a created the Lease: no previous holder").isEmpty();
    assertThat(b.lastTakeoverGap()).as("b waited a whole lease duration after a's last renewal it saw")
        .hasValueSatisfying(gap -> assertThat(gap).isGreaterThanOrEqualTo(FAST.leaseDuration()));
  }

  @Test
  void givenPartitionHeals_whenLeaderReturns_thenItStaysFollowerAndNothingFlaps() {
    startBoth();
    viewA.partitioned.set(true);
    await().atMost(Duration.ofSeconds(5)).until(b::isLeader);
    long startsBefore = timeline.count("started");

    viewA.partitioned.set(false);

    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
        .until(() -> b.isLeader() && !a.isLeader() && timeline.count("started") == startsBefore);
    assertThat(timeline.neverTwoLeaders()).isTrue();
  }

  @Test
  void givenLeaderReleases_whenPeerWatches_thenPeerTakesOverBeforeItsNextRetry() {
    LeaseTiming slowRetry = new LeaseTiming(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(2));
    viewA = api.view();
    viewB = api.view();
    a = new LeaseElector(viewA, "node-a", slowRetry, Clock.systemUTC(), timeline.listener("node-a"));
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    b = new LeaseElector(viewB, "node-b", slowRetry, Clock.systemUTC(), timeline.listener("node-b"));
    b.start();
    await().atMost(Duration.ofSeconds(3)).until(() -> timeline.events.size() > 0 && !b.isLeader());
    long t0 = System.nanoTime();

    a.releaseAndStop(Duration.ofSeconds(2));

    await().atMost(Duration.ofSeconds(5)).until(b::isLeader);
    long startedB = timeline.first("node-b", "started").orElseThrow().nanos();
    // Polling would take up to the 2 s retry period and expiry 6 s: only the watch explains a fast takeover.
    assertThat(Duration.ofNanos(startedB - t0)).isLessThan(Duration.ofMillis(1000));
    assertThat(timeline.neverTwoLeaders()).isTrue();
  }

  @Test
  void givenLeaderCrashesWithoutRelease_whenPeerWaits_thenPeerTakesOverOnlyAfterTheLeaseDuration() {
    startBoth();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> a.isLeader() && !b.isLeader());
    viewA.partitioned.set(true); // a crashed machine: no more writes, no release
    long t0 = System.nanoTime();
    a.close();

    await().atMost(Duration.ofSeconds(5)).until(b::isLeader);
    long startedB = timeline.first("node-b", "started").orElseThrow().nanos();
    assertThat(Duration.ofNanos(startedB - t0))
        .isGreaterThanOrEqualTo(FAST.leaseDuration().minus(FAST.retryPeriod()).minusMillis(50));
  }
}
