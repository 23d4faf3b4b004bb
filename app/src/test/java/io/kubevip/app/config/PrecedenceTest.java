// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** env > flag > config file > kubevip.* property > default, each value remembering its origin. */
class PrecedenceTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "layers {0} -> {1} from {2}")
  @CsvSource({
      "5, 20000ms, ENV, vip_leaseduration",
      "4, 19000ms, FLAG, --leaseDuration",
      "3, 18000ms, CONFIG_FILE, vip_leaseduration",
      "2, 800ms, PROPERTY, kubevip.leaderElection.leaseDuration",
      "1, 15000ms, DEFAULT, vip_leaseduration"})
  void givenLayers_whenResolved_thenHighestPresentLayerWins(int layers, String expected, Origin origin, String written)
      throws IOException {
    Path file = dir.resolve("kube-vip.yaml");
    Files.writeString(file, "vip_leaseduration: 18\n");
    Map<String, String> env = new HashMap<>();
    Map<String, String> flags = new HashMap<>();
    List<PropertyEntry> props = new java.util.ArrayList<>();
    if (layers >= 5) {
      env.put("vip_leaseduration", "20");
    }
    if (layers >= 4) {
      flags.put("--leaseDuration", "19");
    }
    if (layers >= 3) {
      flags.put("--config-file", file.toString());
    }
    if (layers >= 2) {
      props.add(new PropertyEntry("kubevip.leaderElection.leaseDuration", "800ms", "./application.yaml"));
    }
    Resolution r = Configs.resolve(env, flags, props);
    assertThat(r.problems()).isEmpty();
    ResolvedValue v = r.config().get(SettingsTable.VIP_LEASEDURATION);
    assertThat(v.origin()).isEqualTo(origin);
    assertThat(v.writtenAs()).isEqualTo(written);
    assertThat(r.config().normalized(SettingsTable.VIP_LEASEDURATION)).contains(expected);
    if (origin == Origin.CONFIG_FILE) {
      assertThat(v.where()).isEqualTo("vip_leaseduration (in " + file + ")");
    }
  }

  @Test
  void givenJsonConfigFileWithFlagNames_whenResolved_thenValuesComeFromTheFile() throws IOException {
    Path file = dir.resolve("kv.json");
    Files.writeString(file, "{\"arp\": true, \"interface\": \"eth1\", \"bgp_peers\": [\"192.0.2.1:65000\", \"192.0.2.2:65000\"]}");
    Resolution r = Configs.resolve(Map.of("config_file", file.toString()), Map.of(), List.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().get(SettingsTable.VIP_ARP).origin()).isEqualTo(Origin.CONFIG_FILE);
    assertThat(r.config().get(SettingsTable.VIP_INTERFACE).value()).isEqualTo("eth1");
    assertThat(r.config().get(SettingsTable.BGP_PEERS).value()).isEqualTo("192.0.2.1:65000,192.0.2.2:65000");
    assertThat(r.config().get(SettingsTable.CONFIG_FILE).origin()).isEqualTo(Origin.ENV);
  }

  @Test
  void givenConfigFileProblems_whenResolved_thenEachIsNamed() throws IOException {
    Path file = dir.resolve("kv.yaml");
    Files.writeString(file, "vip_arpp: true\nconfig_file: other.yaml\n");
    Resolution r = Configs.resolve(Map.of(), Map.of("--config-file", file.toString()), List.of());
    assertThat(r.problems()).extracting(Problem::toString).containsExactly(
        "vip_arpp (in " + file + "): is not a known setting; expected an env name (vip_arp) or flag name (arp);"
            + " did you mean 'vip_arp'?",
        "config_file (in " + file + "): cannot be set inside the config file; expected it as env config_file or flag"
            + " --config-file");
  }

  @Test
  void givenMissingOrNestedConfigFile_whenResolved_thenProblemNamesTheSetting() throws IOException {
    Resolution missing = Configs.resolve(Map.of("config_file", "/nonexistent/kv.yaml"));
    assertThat(missing.problems()).extracting(Problem::toString)
        .containsExactly("config_file: '/nonexistent/kv.yaml' cannot be read: no such file; expected a YAML or JSON file");
    Path nested = dir.resolve("nested.yaml");
    Files.writeString(nested, "bgp:\n  as: 1\n");
    assertThat(Configs.resolve(Map.of("config_file", nested.toString())).problems()).singleElement()
        .extracting(Problem::toString).asString().contains("nested object under 'bgp'");
  }

  @Test
  void givenUnknownKubeVipStyleEnv_whenResolved_thenWarningNamesItAndSuggests() {
    Resolution r = Configs.resolve(Map.of("vip_leaseduraton", "3", "bgp_peeras", "65001", "KUBEVIP_TEST", "1",
        "HOME", "/root", "svc_enabled", "true", "cp_xyzzy_quux", "1"));
    assertThat(r.warnings()).containsExactly(
        "unknown environment variable 'cp_xyzzy_quux' is ignored",
        "unknown environment variable 'svc_enabled' is ignored; did you mean 'svc_enable'?",
        "unknown environment variable 'vip_leaseduraton' is ignored; did you mean 'vip_leaseduration'?");
  }

  @Test
  void givenDeprecatedAlias_whenResolved_thenUsedWithWarningUnlessNewNameSet() {
    Resolution old = Configs.resolve(Map.of("vip_address", "192.0.2.10"));
    assertThat(old.config().get(SettingsTable.ADDRESS).writtenAs()).isEqualTo("vip_address");
    assertThat(old.warnings()).containsExactly("environment variable 'vip_address' is deprecated; use 'address'");
    Resolution both = Configs.resolve(Map.of("vip_address", "192.0.2.10", "address", "192.0.2.11"));
    assertThat(both.config().get(SettingsTable.ADDRESS).value()).isEqualTo("192.0.2.11");
    assertThat(both.warnings()).containsExactly("environment variable 'vip_address' is ignored because 'address' is set");
  }

  @Test
  void givenEmptyEnv_whenResolved_thenIgnoredLikeKubeVip() {
    assertThat(Configs.config(Map.of("port", "")).get(SettingsTable.PORT).origin()).isEqualTo(Origin.DEFAULT);
  }

  @Test
  void givenUnknownProperty_whenResolved_thenWarningWithSuggestion() {
    Resolution r = Configs.resolve(Map.of(), Map.of(),
        List.of(new PropertyEntry("kubevip.leader-election.lease-durration", "1s", "./application.yaml")));
    assertThat(r.warnings()).containsExactly("unknown property 'kubevip.leader-election.lease-durration' (in"
        + " ./application.yaml) is ignored; did you mean 'kubevip.leader-election.lease-duration'?");
  }

  @Test
  void givenPropertyFilesAndSystemProperties_whenLoaded_thenSystemPropertiesComeFirst() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/application.yaml"), "kubevip:\n  log:\n    format: json\n  arp:\n    rate: 1s\n");
    java.util.Properties sys = new java.util.Properties();
    sys.setProperty("kubevip.log.format", "text");
    sys.setProperty("user.home", "/root");
    List<PropertyEntry> entries = PropertyFiles.load(dir, getClass().getClassLoader(), sys);
    assertThat(entries).startsWith(new PropertyEntry("kubevip.log.format", "text", "system property"))
        .contains(new PropertyEntry("kubevip.arp.rate", "1s", "./config/application.yaml"));
    EffectiveConfig c = Configs.resolve(Map.of(), Map.of(), entries).config();
    assertThat(c.normalized(SettingsTable.LOG_FORMAT)).contains("text");
    assertThat(c.get(SettingsTable.VIP_ARPRATE).where()).isEqualTo("kubevip.arp.rate (in ./config/application.yaml)");
  }
}
