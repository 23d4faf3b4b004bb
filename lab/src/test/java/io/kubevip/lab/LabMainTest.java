// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabMainTest {
  @Test
  void givenOneNode_whenRun_thenUsageErrorNamingTheOption() {
    String err = stderrOf(() -> assertThat(LabMain.run("--nodes", "1")).isEqualTo(2));

    assertThat(err).contains("--nodes must be 2..9").contains("was 1").doesNotContain("Exception");
  }

  @Test
  void givenUnparsableDuration_whenRun_thenUsageErrorWithTheValue() {
    String err = stderrOf(() -> assertThat(LabMain.run("--lease", "soon")).isEqualTo(2));

    assertThat(err).contains("soon").contains("3s or 800ms");
  }

  @Test
  void givenRenewNotBelowLease_whenSettings_thenRejected() {
    assertThatThrownBy(() -> new LabSettings(3, false, false, Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofMillis(500), Path.of("x"), Path.of("/tmp")))
        .hasMessageContaining("lease > renew > retry");
  }

  @Test
  void givenDurations_whenConverted_thenMillisecondsAndSeconds() {
    LabCommand.DurationConverter c = new LabCommand.DurationConverter();
    assertThat(c.convert("800ms")).isEqualTo(Duration.ofMillis(800));
    assertThat(c.convert("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.convert("0.5")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void givenKubeconfig_whenRendered_thenServerAndUncheckedTls() {
    assertThat(ApiServerProcess.kubeconfig("https://10.98.0.2:6443"))
        .contains("server: https://10.98.0.2:6443").contains("insecure-skip-tls-verify: true")
        .contains("current-context: lab");
  }

  @Test
  void givenRequestLogLines_whenKeyed_thenVerbAndResource() {
    assertThat(ApiServerProcess.writeKey(
        "1795671082148 PUT /apis/coordination.k8s.io/v1/namespaces/kube-system/leases/plndr-cp-lock"))
        .isEqualTo("PUT leases");
    assertThat(ApiServerProcess.writeKey("1795671082148 POST /api/v1/namespaces/kube-system/events"))
        .isEqualTo("POST events");
    assertThat(ApiServerProcess.writeKey("1795671082148 PATCH /api/v1/nodes/node1?fieldManager=x"))
        .isEqualTo("PATCH nodes");
  }

  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
