// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real managers (app/target/kubevip.jar) against the lab API, lease 3 s / renew 2 s / retry 0.5 s: the
 * control-plane VIP has exactly one owner, moves within lease + 1 s when its owner dies, is cleaned up by a
 * restarted manager, and moves fast on a graceful stop — never with two owners at a probe.
 */
class ManagerFailoverPrivilegedIT {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final long LEASE_PLUS_ONE_MS = LEASE.toMillis() + 1000;

  @Test
  void givenThreeManagers_whenOwnerCrashesRecoversAndNextOwnerStops_thenOneOwnerAtATimeAndFastFailover(
      @TempDir Path work) {
    Privileged.assume();
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    LabSettings settings = new LabSettings(3, false, false, LEASE, Duration.ofSeconds(2), Duration.ofMillis(500),
        jar, work);

    try (LabRun run = LabRun.start(settings, line -> System.out.println("[lab] " + line))) {
      EventResult steady = run.steady(Duration.ofSeconds(2));
      assertThat(steady.twoOwnerSamples()).as("steady: %s", steady).isZero();
      assertThat(run.prober().owners()).hasSize(1);
      String first = run.owner();

      EventResult crash = run.crashOwner();
      System.out.println("[lab] " + crash);
      assertThat(crash.newOwner()).as("crash: %s", crash).isNotNull().isNotEqualTo(first);
      assertThat(crash.takeoverMs()).as("crash: %s", crash).isNotNull().isLessThanOrEqualTo(LEASE_PLUS_ONE_MS);
      assertThat(crash.outageMs()).as("crash: %s", crash).isNotNull().isLessThanOrEqualTo(LEASE_PLUS_ONE_MS);
      assertThat(crash.twoOwnerSamples()).as("crash: %s", crash).isZero();
      assertThat(run.prober().clientPointsAt()).contains(crash.newOwner());

      EventResult recover = run.recover(first);
      System.out.println("[lab] " + recover);
      assertThat(run.prober().holders()).as("recover: %s", recover).doesNotContain(first);
      assertThat(recover.newOwner()).as("recover: %s", recover).isEqualTo(crash.newOwner());
      assertThat(recover.twoOwnerSamples()).as("recover: %s", recover).isZero();

      EventResult stop = run.stopOwner();
      System.out.println("[lab] " + stop);
      assertThat(stop.newOwner()).as("stop: %s", stop).isNotNull().isNotEqualTo(crash.newOwner());
      assertThat(stop.takeoverMs()).as("stop: %s", stop).isNotNull().isLessThan(LEASE.toMillis());
      assertThat(stop.twoOwnerSamples()).as("stop: %s", stop).isZero();
      assertThat(run.prober().holders()).as("stop: %s", stop).doesNotContain(crash.newOwner());
    }
  }
}
