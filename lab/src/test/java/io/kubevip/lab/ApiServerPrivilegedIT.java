// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerPrivilegedIT {
  @Test
  void givenLabApi_whenNodeWritesAndReadsLease_thenTheApiKeepsItAndLogsTheWrites(@TempDir Path work) {
    Privileged.assume();
    try (LabTopology t = LabTopology.build(2);
        ApiServerProcess api = ApiServerProcess.start(t, work, Duration.ofSeconds(90))) {
      Exec.Result first = t.exec("node1", leaseCheck(api, "node1").toArray(String[]::new));
      Exec.Result second = t.exec("node2", leaseCheck(api, "node2").toArray(String[]::new));

      assertThat(first.exitCode()).as(first.stderr()).isZero();
      assertThat(first.stdout()).contains("holder node1");
      assertThat(second.exitCode()).as(second.stderr()).isZero();
      assertThat(second.stdout()).contains("holder node2");
      assertThat(api.writeCount()).isGreaterThanOrEqualTo(2);
    }
  }

  private static List<String> leaseCheck(ApiServerProcess api, String holder) {
    return JavaLauncher.thisProgram(
        List.of("lease-check", "--kubeconfig", api.kubeconfig().toString(), "--holder", holder));
  }
}
