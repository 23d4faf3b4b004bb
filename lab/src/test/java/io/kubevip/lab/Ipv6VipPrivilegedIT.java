// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IPv6-only control-plane VIP (fd99::50, the lab's {@code --ipv6}) with three real managers: one owner, crash
 * failover and SIGTERM hand-over through NDP, with the client's ND entry following the owner's MAC.
 */
class Ipv6VipPrivilegedIT {
  @Test
  void givenIpv6Vip_whenOwnerCrashesAndNextOwnerStops_thenOneOwnerAndTheClientNdEntryFollows(@TempDir Path work) {
    Privileged.assume();
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    LabSettings settings = new LabSettings(3, true, false, LabSettings.DEFAULT_LEASE, LabSettings.DEFAULT_RENEW,
        LabSettings.DEFAULT_RETRY, jar, work);

    try (LabRun run = LabRun.start(settings, line -> System.out.println("[ipv6] " + line))) {
      assertThat(settings.vip()).isEqualTo("fd99::50");
      new VipFamilyScenario(run, List.of(run.prober()), "ipv6").steadyCrashStop();
    }
  }
}
