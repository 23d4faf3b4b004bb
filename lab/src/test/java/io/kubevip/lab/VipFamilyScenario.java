// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steady / crash / SIGTERM sequence asserted on every address family a VIP has: each family is watched by its
 * own {@link Prober} (pings, the client's ARP or ND entry, the nodes' addresses), and all of them must agree on
 * one owner, so a dual-stack VIP cannot half-move.
 */
final class VipFamilyScenario {
  private static final long LEASE_PLUS_ONE_MS = LabSettings.DEFAULT_LEASE.toMillis() + 1000;

  private final LabRun run;
  private final List<Prober> probers;
  private final String tag;

  VipFamilyScenario(LabRun run, List<Prober> probers, String tag) {
    this.run = run;
    this.probers = probers;
    this.tag = tag;
  }

  void steadyCrashStop() {
    EventResult steady = run.steady(Duration.ofSeconds(2));
    System.out.println("[" + tag + "] " + steady);
    assertThat(steady.ok()).as("steady: %s", steady).isTrue();
    String first = run.owner();
    assertEveryFamilyOwnedBy(first, 0L);

    long crashAt = Clock.nowMicros();
    EventResult crash = run.crashOwner();
    System.out.println("[" + tag + "] " + crash);
    assertThat(crash.newOwner()).as("crash: %s", crash).isNotNull().isNotEqualTo(first);
    assertThat(crash.takeoverMs()).as("crash: %s", crash).isNotNull().isLessThanOrEqualTo(LEASE_PLUS_ONE_MS);
    assertThat(crash.outageMs()).as("crash: %s", crash).isNotNull().isLessThanOrEqualTo(LEASE_PLUS_ONE_MS);
    assertThat(crash.twoOwnerSamples()).as("crash: %s", crash).isZero();
    assertEveryFamilyOwnedBy(crash.newOwner(), crashAt);

    long stopAt = Clock.nowMicros();
    EventResult stop = run.stopOwner();
    System.out.println("[" + tag + "] " + stop);
    assertThat(stop.newOwner()).as("stop: %s", stop).isNotNull().isNotEqualTo(crash.newOwner());
    assertThat(stop.takeoverMs()).as("stop: %s", stop).isNotNull()
        .isLessThan(LabSettings.DEFAULT_LEASE.toMillis());
    assertThat(stop.twoOwnerSamples()).as("stop: %s", stop).isZero();
    assertThat(stop.ok()).as("stop: %s", stop).isTrue();
    assertEveryFamilyOwnedBy(stop.newOwner(), stopAt);
  }

  /**
   * Every family's prober sees {@code owner} alone, the client's neighbour entry for each VIP address carries its
   * MAC, and no probe since {@code sinceMicros} saw two owners.
   */
  private void assertEveryFamilyOwnedBy(String owner, long sinceMicros) {
    for (Prober p : probers) {
      await().atMost(Duration.ofSeconds(3)).until(() -> p.owners().equals(Set.of(owner)));
      await().atMost(Duration.ofSeconds(3)).until(() -> p.clientPointsAt().equals(Optional.of(owner)));
      List<Prober.Sample> s = p.samples(sinceMicros, Clock.nowMicros());
      assertThat(s).as("probes of one family since the event").isNotEmpty();
      assertThat(s).as("samples with two owners").noneMatch(x -> x.owners() > 1);
      assertThat(p.healthy()).as("prober still running").isTrue();
      if (sinceMicros > 0) {
        System.out.printf("[%s]   %s: +VIP on %s after %s ms, client entry after %s ms%n", tag, p.vip(), owner,
            p.ownerChanges(sinceMicros).stream().filter(c -> c.node().equals(owner) && c.holds()).findFirst()
                .map(c -> String.valueOf((c.atMicros() - sinceMicros) / 1000)).orElse("?"),
            p.macChanges(sinceMicros).stream().filter(c -> owner.equals(c.node())).findFirst()
                .map(c -> String.valueOf((c.atMicros() - sinceMicros) / 1000)).orElse("?"));
      }
    }
  }
}
