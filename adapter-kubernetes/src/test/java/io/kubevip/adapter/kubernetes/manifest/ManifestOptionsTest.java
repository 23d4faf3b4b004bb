// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManifestOptionsTest {

  @Test
  void givenDefaultJvmOptions_whenAJvmStartsWithThem_thenItAcceptsEveryOption() throws Exception {
    // An option the JVM does not know makes the container exit at once: JDK_JAVA_OPTIONS is read by the launcher.
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(ManifestOptions.DEFAULT_JVM_OPTIONS.split("\\s+")));
    cmd.add("-version");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized");
  }

  @Test
  void givenDefaultJvmOptions_whenRead_thenTheyBoundEveryMemoryPoolAndUseC1Only() {
    assertThat(ManifestOptions.DEFAULT_JVM_OPTIONS.split("\\s+")).contains("-Xmx96m", "-XX:MaxMetaspaceSize=96m",
        "-XX:ReservedCodeCacheSize=32m", "-XX:TieredStopAtLevel=1", "-XX:TrimNativeHeapInterval=10000");
  }
}
