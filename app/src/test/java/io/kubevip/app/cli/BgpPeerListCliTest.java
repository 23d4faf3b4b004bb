// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.FeatureAvailability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Structured peers and graceful restart through the CLI: exit 2 naming peer index, address and field. */
class BgpPeerListCliTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final List<DataPlaneMode> launches = new ArrayList<>();

  int manager(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(BgpPeerCliTest.BGP_CP);
    env.putAll(extra);
    ManagerLauncher recording = (config, mode, f) -> {
      launches.add(mode);
      return Cli.RUNNING;
    };
    return new Cli(new CliContext(env, List.of(), FeatureAvailability.current(), recording,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .run("manager");
  }

  List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void givenStructuredPeers_whenManagerRuns_thenLaunchedInBgpMode() {
    assertThat(manager(Map.of("bgp_peers", "[{address: 192.0.2.1, as: 65001, communities: ['65000:100'],"
        + " local-pref: 200}]", "kubevip_bgp_graceful_restart", "true"))).isEqualTo(Cli.RUNNING);
    assertThat(launches).containsExactly(DataPlaneMode.BGP);
  }

  @Test
  void givenBadLargeCommunityOnSecondStructuredPeer_whenManagerRuns_thenExit2NamingIt() {
    assertThat(manager(Map.of("bgp_peers", "[{address: 192.0.2.1, as: 65001, password: secret1},"
        + " {address: 192.0.2.2, as: 65002, large-communities: ['1:2']}]"))).isEqualTo(2);
    assertThat(errLines()).containsExactly(
        "kubevip manager: invalid configuration, nothing started (1 problem):",
        "bgp_peers: kubevip.bgp.peers[1] (192.0.2.2): large-communities '1:2' is not a large community; expected"
            + " global:local1:local2, each 0..4294967295, e.g. 65000:1:2 (RFC 8092)");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("secret1");
    assertThat(launches).isEmpty();
  }

  @Test
  void givenRestartTimeLongerThanLease_whenManagerRuns_thenExit2NamingTheSetting() {
    assertThat(manager(Map.of("bgp_peers", "192.0.2.1:65001", "kubevip_bgp_graceful_restart", "true",
        "kubevip_bgp_graceful_restart_time", "20"))).isEqualTo(2);
    assertThat(errLines()).anyMatch(l -> l.startsWith("kubevip_bgp_graceful_restart_time: '20' is longer than"
        + " vip_leaseduration (15s)"));
    assertThat(launches).isEmpty();
  }
}
