// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real executable jar ({@code java -jar target/kubevip.jar}) with a controlled environment: only the
 * variables given here, a fresh working directory. No configuration used here passes validation, so the manager
 * never starts and nothing is ever bound, added or sent.
 */
class KubevipExecutableIT {
  static final Path JAR = Path.of("target", "kubevip.jar").toAbsolutePath();

  @TempDir
  Path workDir;

  record Result(int exit, List<String> out, List<String> err) {}

  Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(workDir.resolve("out.txt").toFile()).redirectError(workDir.resolve("err.txt").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubevip " + String.join(" ", args) + " did not exit within 60 s");
    }
    return new Result(p.exitValue(), lines("out.txt"), lines("err.txt"));
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(workDir.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void givenBadEnvironment_whenManagerStarts_thenExit2WithOneLinePerProblemAndNoStackTrace() throws Exception {
    Result r = run(Map.of("vip_arp", "true", "bgp_enable", "true", "address", "10.0.0.300", "vip_leaseduration", "5",
        "bgp_peers", "192.0.2.1:x:hunter2", "port", "99999", "vip_leaseduraton", "3"), "manager");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(
        "warning: unknown environment variable 'vip_leaseduraton' is ignored; did you mean 'vip_leaseduration'?",
        "address: '10.0.0.300' has a bad entry: '10.0.0.300' is not an IP address: expected an IPv4 (10.0.0.5) or IPv6"
            + " (fd00::5) address, optionally with /prefix",
        "port: '99999' is out of range; expected 1..65535",
        "bgp_peers: peer 1 '192.0.2.1:x:<redacted>': AS 'x' is not a number; expected 1..4294967295",
        "vip_arp, bgp_enable: 2 modes enabled; expected exactly one of vip_arp, bgp_enable, vip_routingtable,"
            + " vip_wireguard",
        "vip_leaseduration: '5' is not longer than vip_renewdeadline (10s); expected lease duration > renew deadline >"
            + " retry period",
        "cp_enable, svc_enable: neither is true; expected the control plane (cp_enable / --controlplane), services"
            + " (svc_enable / --services) or both");
    assertThat(String.join("\n", r.err())).doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  // Never a configuration the manager would accept: a started manager could add the VIP in this machine's root
  // network namespace. One other mistake keeps it from starting and shows ARP itself is no longer refused.
  @Test
  void givenArpControlPlaneWithUpnp_whenManagerStarts_thenOnlyUpnpIsNotAvailable() throws Exception {
    Result r = run(Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10", "svc_enable", "true",
        "enable_upnp", "true"), "manager");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).containsExactly("kubevip manager: invalid configuration, nothing started (1 problem):",
        "enable_upnp: not available in this version");
  }

  @Test
  void givenSecrets_whenConfigRuns_thenRedactedAndSpringNeverLoaded() throws Exception {
    Result r = run(Map.of("bgp_peerpass", "hunter2", "bgp_peers", "192.0.2.1:65000:s3cret", "bgp_enable", "true",
        "JAVA_TOOL_OPTIONS", "-verbose:class"), "config", "--services");
    assertThat(r.exit()).isZero();
    String out = String.join("\n", r.out());
    assertThat(out).doesNotContain("hunter2").doesNotContain("s3cret")
        .containsPattern("bgp_peerpass +<redacted> +env")
        .containsPattern("svc_enable +true +flag --services")
        .contains("org.yaml.snakeyaml") // proves the class-loading log is there at all
        .doesNotContain("org.springframework.boot.SpringApplication ")
        .doesNotContain("org.springframework.context.")
        .doesNotContain("org.apache.catalina");
  }

  @Test
  void givenVersion_whenRun_thenExit0WithVersion() throws Exception {
    Result r = run(Map.of(), "version");
    assertThat(r.exit()).isZero();
    assertThat(r.out().get(0)).matches("kubevip \\S+ \\(build \\S+\\)");
  }
}
