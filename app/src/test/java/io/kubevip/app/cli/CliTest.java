// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.Feature;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.config.Origin;
import io.kubevip.app.config.SettingsTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI in-process with a controlled environment and a recording launcher: nothing is ever started. */
class CliTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final List<Object[]> launches = new ArrayList<>();

  int run(Map<String, String> env, FeatureAvailability features, String... args) {
    ManagerLauncher recording = (config, mode, f) -> {
      launches.add(new Object[] {config, mode});
      return Cli.RUNNING;
    };
    return new Cli(new CliContext(env, List.of(), features, recording, print(out), print(err))).run(args);
  }

  @Test
  void givenValidConfigButNoModeInThisBuild_whenManagerRuns_thenExit2WithTheNamedModeAndNothingStarted() {
    int code = run(Map.of("vip_wireguard", "true", "cp_enable", "true", "address", "192.0.2.10"),
        FeatureAvailability.current(), "manager");
    assertThat(code).isEqualTo(2);
    assertThat(lines(err)).containsExactly(
        "kubevip manager: invalid configuration, nothing started (1 problem):",
        "vip_wireguard: not available in this version");
    assertThat(launches).isEmpty();
  }

  @Test
  void givenKubeVipFlags_whenManagerRunsWithArpAvailable_thenLaunchedInArpModeWithFlagOrigins() {
    int code = run(Map.of(), FeatureAvailability.of(Feature.ARP), "manager", "--arp", "--interface", "eth0",
        "--address", "192.0.2.10", "--controlplane", "--services=false", "--leaderElection", "-n", "kube-vip",
        "--leaseDuration", "5", "--leaseRenewDuration", "3", "--leaseRetry", "1");
    assertThat(code).isEqualTo(Cli.RUNNING);
    assertThat(launches).hasSize(1);
    EffectiveConfig config = (EffectiveConfig) launches.get(0)[0];
    assertThat(launches.get(0)[1]).isEqualTo(DataPlaneMode.ARP);
    assertThat(config.get(SettingsTable.VIP_ARP).origin()).isEqualTo(Origin.FLAG);
    assertThat(config.get(SettingsTable.CP_NAMESPACE).where()).isEqualTo("-n");
    assertThat(config.normalized(SettingsTable.SVC_ENABLE)).contains("false");
    assertThat(config.normalized(SettingsTable.VIP_RETRYPERIOD)).contains("1000ms");
  }

  @Test
  void givenEnvAndFlag_whenBothSet_thenEnvWinsLikeKubeVip() {
    run(Map.of("vip_interface", "eth9"), FeatureAvailability.of(Feature.ARP), "manager", "--arp", "--interface", "eth0",
        "--address", "192.0.2.10", "--controlplane");
    EffectiveConfig config = (EffectiveConfig) launches.get(0)[0];
    assertThat(config.get(SettingsTable.VIP_INTERFACE).value()).isEqualTo("eth9");
    assertThat(config.get(SettingsTable.VIP_INTERFACE).origin()).isEqualTo(Origin.ENV);
  }

  @Test
  void givenUnknownFlag_whenManagerRuns_thenUsageErrorExit2() {
    assertThat(run(Map.of(), FeatureAvailability.current(), "manager", "--arpp")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--arpp'");
  }

  @Test
  void givenSecrets_whenConfigPrinted_thenEverySettingWithOriginAndSecretsRedacted() {
    int code = run(Map.of("bgp_peerpass", "hunter2", "bgp_peers", "192.0.2.1:65000:s3cret,[2001:db8::1]:65001:pw2",
        "vip_leaseduraton", "5"), FeatureAvailability.current(), "config", "--bgp", "--services");
    assertThat(code).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("pw2");
    List<String> lines = lines(out);
    assertThat(lines).hasSize(SettingsTable.ALL.size() + 1);
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("bgp_peerpass +<redacted> +env"));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .matches("bgp_peers +192.0.2.1:65000:<redacted>,\\[2001:db8::1]:65001:<redacted> +env"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("bgp_enable +true +flag --bgp"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("vip_leaseduration +15 +default"));
    assertThat(lines(err)).contains(
        "warning: unknown environment variable 'vip_leaseduraton' is ignored; did you mean 'vip_leaseduration'?")
        .noneMatch(l -> l.contains("would refuse")); // Services over BGP are accepted
  }

  @Test
  void givenJsonOption_whenConfigPrinted_thenJsonWithOriginsAndRedaction() {
    int code = run(Map.of("bgp_peerpass", "hunter2", "vip_arp", "true"), FeatureAvailability.current(), "config",
        "--json", "--address", "192.0.2.10");
    assertThat(code).isZero();
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("hunter2")
        .contains("{\"name\": \"bgp_peerpass\", \"env\": \"bgp_peerpass\", \"flag\": \"--peerPass\", \"property\":"
            + " \"kubevip.bgp.peer-pass\", \"value\": \"<redacted>\", \"origin\": \"env\", \"source\": \"bgp_peerpass\","
            + " \"secret\": true}")
        .contains("\"value\": \"192.0.2.10\", \"origin\": \"flag\", \"source\": \"--address\"")
        .contains("\"problems\": [\"cp_enable, svc_enable: neither is true;").doesNotContain("vip_arp: not available");
    assertThat(json.strip()).startsWith("{").endsWith("}");
  }

  @Test
  void givenVersion_whenRun_thenPrintsVersionAndExit0() {
    assertThat(run(Map.of(), FeatureAvailability.current(), "version")).isZero();
    assertThat(lines(out).get(0)).startsWith("kubevip ");
  }

  @Test
  void givenNoSubcommand_whenRun_thenUsageAndExit2() {
    assertThat(run(Map.of(), FeatureAvailability.current())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("manager").contains("config").contains("version");
  }

  private static List<String> lines(ByteArrayOutputStream s) {
    return s.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
  }

  private static PrintStream print(ByteArrayOutputStream s) {
    return new PrintStream(s, true, StandardCharsets.UTF_8);
  }
}
