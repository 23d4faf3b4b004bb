// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that leave the leader's node and manager alive — carrier loss and a partition from the API only —
 * against three real managers (lease 3 s / renew 2 s / retry 0.5 s) in one IPv4 lab. They are the cases where a
 * careless implementation ends up with two nodes answering for the VIP, so each scenario asserts on the nodes'
 * address timelines and the client's neighbour entry, not only on a ping coming back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderFaultsPrivilegedIT {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration RENEW = Duration.ofSeconds(2);
  private static final Duration RETRY = Duration.ofMillis(500);
  /** vip_loseleadership_timeout (1 s) + retry period + scheduling slack of ten JVMs on two cores. */
  private static final long CARRIER_RELEASE_MS = 1000 + RETRY.toMillis() + 1000;
  private static final Duration NO_FLAP = Duration.ofSeconds(4);

  private LabRun run;

  @BeforeAll
  void startLab(@TempDir Path work) {
    Privileged.assume();
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    run = LabRun.start(new LabSettings(3, false, false, LEASE, RENEW, RETRY, jar, work),
        line -> System.out.println("[faults] " + line));
  }

  @AfterAll
  void stopLab() {
    if (run != null) {
      run.close();
    }
  }

  @Test
  @Order(1)
  void givenLeader_whenItsCarrierIsLost_thenItReleasesWithinTheTimeoutAndNothingFlapsWhenCarrierReturns() {
    Prober prober = run.prober();
    String old = run.owner();
    long t0 = Clock.nowMicros();
    run.topology().carrierLoss(old);

    String neu = awaitNewSingleOwner(old, Duration.ofSeconds(8));
    long released = firstChange(t0, old, false);
    long took = firstChange(t0, neu, true);
    System.out.printf("[faults] carrier loss on %s: -VIP after %d ms, %s +VIP after %d ms%n", old,
        (released - t0) / 1000, neu, (took - t0) / 1000);
    assertThat((released - t0) / 1000).as("old leader released within loseleadership timeout + retry")
        .isLessThanOrEqualTo(CARRIER_RELEASE_MS);
    assertThat(released).as("old leader removed the VIP before the new one added it").isLessThan(took);
    await().atMost(Duration.ofSeconds(3)).until(() -> prober.clientPointsAt().equals(Optional.of(neu)));
    assertOneOwnerOutsideWindow(t0, took, Clock.nowMicros());

    long t1 = Clock.nowMicros();
    run.topology().carrierBack(old);
    assertNoFlap(t1, neu);
  }

  @Test
  @Order(2)
  void givenLeader_whenPartitionedFromTheApiOnly_thenItDropsTheVipBeforeAnyoneAnnouncesAndNothingFlapsOnHeal() {
    Prober prober = run.prober();
    String old = run.owner();
    long t0 = Clock.nowMicros();
    run.topology().partitionFromApi(old);
    try {
      String neu = awaitNewSingleOwner(old, LEASE.plus(RENEW).plusSeconds(5));
      List<Prober.OwnerChange> changes = prober.ownerChanges(t0);
      System.out.println("[faults] API partition of " + old + ": " + timeline(changes, t0));
      assertThat(changes).as("timeline %s", timeline(changes, t0)).isNotEmpty();
      assertThat(changes.get(0)).as("first change after the partition: the old leader fences itself, %s",
          timeline(changes, t0)).matches(c -> c.node().equals(old) && !c.holds());
      long fenced = firstChange(t0, old, false);
      long took = firstChange(t0, neu, true);
      assertThat(fenced).as("old leader's removal strictly before the new leader's add").isLessThan(took);
      assertThat((fenced - t0) / 1000).as("fenced within renew deadline + retry + slack")
          .isLessThanOrEqualTo(RENEW.toMillis() + RETRY.toMillis() + 1000);
      await().atMost(Duration.ofSeconds(3)).until(() -> prober.clientPointsAt().equals(Optional.of(neu)));
      assertOneOwnerOutsideWindow(t0, took, Clock.nowMicros());

      long t1 = Clock.nowMicros();
      run.topology().healApi(old);
      assertNoFlap(t1, neu);
    } finally {
      if (run.topology().exec(old, "nft", "list", "table", "inet", "kvlab").ok()) {
        run.topology().healApi(old);
      }
    }
  }

  private String awaitNewSingleOwner(String old, Duration timeout) {
    Optional<Set<String>> after = run.prober().awaitOwners(o -> o.size() == 1 && !o.contains(old), timeout);
    assertThat(after).as("a single new owner other than %s; owners %s", old, run.prober().owners()).isPresent();
    return after.get().iterator().next();
  }

  private long firstChange(long from, String node, boolean holds) {
    return firstChange(run.prober(), from, node, holds);
  }

  /** When {@code node} first gained ({@code holds}) or lost the VIP at or after {@code from}; fails when never. */
  static long firstChange(Prober prober, long from, String node, boolean holds) {
    return prober.ownerChanges(from).stream().filter(c -> c.node().equals(node) && c.holds() == holds)
        .findFirst().map(Prober.OwnerChange::atMicros)
        .orElseThrow(() -> new AssertionError("no " + (holds ? "+" : "-") + "VIP on " + node + " since " + from
            + ": " + timeline(prober.ownerChanges(from), from)));
  }

  /** Never two owners; exactly one before {@code from} (given) and from {@code windowEnd} to {@code end}. */
  private void assertOneOwnerOutsideWindow(long from, long windowEnd, long end) {
    List<Prober.Sample> all = run.prober().samples(from, end);
    assertThat(all).as("probes during the event").isNotEmpty();
    assertThat(all).as("samples with two owners").noneMatch(s -> s.owners() > 1);
    assertThat(run.prober().samples(windowEnd, end)).as("samples after the takeover")
        .isNotEmpty().allMatch(s -> s.owners() == 1);
  }

  private void assertNoFlap(long healedAt, String owner) {
    await().during(NO_FLAP).atMost(NO_FLAP.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> run.prober().ownerChanges(healedAt).isEmpty() && run.prober().owners().equals(Set.of(owner)));
    assertThat(run.prober().samples(healedAt, Clock.nowMicros())).as("samples after healing")
        .isNotEmpty().allMatch(s -> s.owners() == 1);
    assertThat(run.prober().clientPointsAt()).contains(owner);
  }

  static String timeline(List<Prober.OwnerChange> changes, long t0) {
    return String.join(", ", changes.stream()
        .map(c -> c.node() + (c.holds() ? " +VIP " : " -VIP ") + (c.atMicros() - t0) / 1000 + " ms").toList());
  }
}
