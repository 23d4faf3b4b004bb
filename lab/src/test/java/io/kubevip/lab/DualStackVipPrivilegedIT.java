// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dual-stack control-plane VIP ({@code address=10.99.0.50,fd99::50}) with three real managers: both addresses
 * move together on a crash and on SIGTERM, and the client's ARP and ND entries both follow the owner's MAC.
 */
class DualStackVipPrivilegedIT {
  @Test
  void givenDualStackVip_whenOwnerCrashesAndNextOwnerStops_thenBothFamiliesMoveTogetherWithOneOwner(
      @TempDir Path work) {
    Privileged.assume();
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    LabSettings settings = new LabSettings(3, false, false, LabSettings.DEFAULT_LEASE, LabSettings.DEFAULT_RENEW,
        LabSettings.DEFAULT_RETRY, jar, work);

    try (LabRun run = LabRun.start(settings, "10.99.0.50,fd99::50", line -> System.out.println("[dual] " + line));
        Prober v6 = Prober.start(run.topology(), "fd99::50")) {
      new VipFamilyScenario(run, List.of(run.prober(), v6), "dual").steadyCrashStop();
    }
  }
}
