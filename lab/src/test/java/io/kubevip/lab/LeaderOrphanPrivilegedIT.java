// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static io.kubevip.lab.LeaderFaultsPrivilegedIT.firstChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILL of the leader's manager process alone, its node staying on both LANs (three real managers, lease 3 s /
 * renew 2 s / retry 0.5 s): another node takes over once the Lease expires, and the restarted manager removes the
 * VIP its predecessor left behind without ever announcing it. Between the takeover and that clean-up the killed
 * process's address is still on the old node — nobody is alive there to remove it — which is why the lab's crash
 * scenario cuts the node off as well; here that window is measured and bounded by the restart.
 */
class LeaderOrphanPrivilegedIT {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration RENEW = Duration.ofSeconds(2);

  @Test
  void givenLeader_whenOnlyItsProcessIsKilled_thenAnotherTakesOverAndTheRestartedManagerRemovesTheOrphan(
      @TempDir Path work) {
    Privileged.assume();
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    LabSettings settings = new LabSettings(3, false, false, LEASE, RENEW, Duration.ofMillis(500), jar, work);
    try (LabRun run = LabRun.start(settings, line -> System.out.println("[orphan] " + line))) {
      killAndRestart(run);
    }
  }

  private static void killAndRestart(LabRun run) {
    Prober prober = run.prober();
    String old = run.owner();
    long t0 = Clock.nowMicros();
    run.killManager(old);

    Optional<Set<String>> two = prober.awaitOwners(o -> o.size() == 2, LEASE.plus(RENEW).plusSeconds(5));
    assertThat(two).as("another node takes over after the lease expires; owners %s", prober.owners()).isPresent();
    String neu = two.get().stream().filter(n -> !n.equals(old)).findFirst().orElseThrow();
    long took = firstChange(prober, t0, neu, true);
    System.out.printf("[orphan] SIGKILL of %s's manager: %s +VIP after %d ms%n", old, neu, (took - t0) / 1000);
    assertThat((took - t0) / 1000).as("takeover within lease + 1 s").isLessThanOrEqualTo(LEASE.toMillis() + 1000);
    await().atMost(Duration.ofSeconds(3)).until(() -> prober.clientPointsAt().equals(Optional.of(neu)));

    long restarted = Clock.nowMicros();
    ManagerProcess again = run.restartManager(old);
    Optional<Set<String>> cleaned = prober.awaitOwners(o -> o.equals(Set.of(neu)), Duration.ofSeconds(40));
    assertThat(cleaned).as("the restarted manager removes its orphan VIP; owners %s, log %s", prober.owners(),
        again.log()).isPresent();
    long removed = firstChange(prober, restarted, old, false);
    System.out.printf("[orphan] orphan on %s removed %d ms after the restart; two holders for %d ms%n", old,
        (removed - restarted) / 1000, (removed - took) / 1000);
    again.awaitReady(run.topology(), Duration.ofSeconds(60));

    // the restarted manager must never announce the VIP, and the client must stay on the new owner
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> prober.owners().equals(Set.of(neu)));
    long end = Clock.nowMicros();
    assertThat(prober.ownerChanges(t0)).as("no +VIP on %s after its kill", old)
        .noneMatch(c -> c.node().equals(old) && c.holds());
    assertThat(prober.macChanges(took)).as("client never points back at %s", old)
        .noneMatch(c -> old.equals(c.node()));
    // two holders only between the takeover and the clean-up (a killed process cannot remove its address)
    assertThat(prober.samples(t0, took)).as("probes before the takeover").isNotEmpty()
        .allMatch(s -> s.owners() == 1);
    assertThat(prober.samples(removed, end)).as("probes after the orphan was removed").isNotEmpty()
        .allMatch(s -> s.owners() == 1);
  }
}
