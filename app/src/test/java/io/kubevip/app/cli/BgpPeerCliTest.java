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

/** BGP peer settings through the CLI: a bad peer is exit 2 naming the peer and the field; nothing starts. */
class BgpPeerCliTest {
  static final Map<String, String> BGP_CP = Map.of("bgp_enable", "true", "cp_enable", "true", "address",
      "192.0.2.10", "bgp_routerid", "192.0.2.100");

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final List<DataPlaneMode> launches = new ArrayList<>();

  int manager(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(BGP_CP);
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
  void givenValidPeers_whenManagerRuns_thenLaunchedInBgpMode() {
    assertThat(manager(Map.of("bgp_peers", "192.0.2.1:65001::false,[2001:db8::1]:65002:pw:true:1179")))
        .isEqualTo(Cli.RUNNING);
    assertThat(launches).containsExactly(DataPlaneMode.BGP);
  }

  @Test
  void givenBadAsOfSecondPeer_whenManagerRuns_thenExit2NamingPeerAndFieldWithPasswordRedacted() {
    assertThat(manager(Map.of("bgp_peers", "192.0.2.1:65001:secret1,192.0.2.2:70000x:secret2"))).isEqualTo(2);
    assertThat(errLines()).containsExactly(
        "kubevip manager: invalid configuration, nothing started (1 problem):",
        "bgp_peers: peer 2 '192.0.2.2:70000x:<redacted>': AS '70000x' is not a number; expected 1..4294967295");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("secret");
    assertThat(launches).isEmpty();
  }

  @Test
  void givenDuplicatePeerAndTooShortBfd_whenManagerRuns_thenEveryProblemNamesItsPeer() {
    assertThat(manager(Map.of("bgp_peers", "192.0.2.1:65001,192.0.2.1:65002,192.0.2.3:65003:::::enable;5"))).isEqualTo(2);
    assertThat(errLines()).containsExactly(
        "kubevip manager: invalid configuration, nothing started (2 problems):",
        "bgp_peers: peer 2 '192.0.2.1:65002': address and port are also configured in peer 1 '192.0.2.1:65001';"
            + " expected each peer once",
        "bgp_peers: peer 3 '192.0.2.3:65003:::::enable;5': bfd rx_ms/tx_ms 5/300 is too short; expected 10..60000");
  }

  @Test
  void givenNoPeer_whenManagerRuns_thenExit2AskingForOne() {
    assertThat(manager(Map.of())).isEqualTo(2);
    assertThat(errLines()).contains("bgp_peeraddress, bgp_peers: no BGP peer configured; expected a peer address"
        + " (with bgp_peeras) or bgp_peers, e.g. 192.0.2.1:65000");
  }

  @Test
  void givenKeepaliveNotBelowHoldTime_whenManagerRuns_thenExit2NamingBothSettings() {
    assertThat(manager(Map.of("bgp_peeraddress", "192.0.2.1", "bgp_hold_time", "9", "bgp_keepalive_interval", "9")))
        .isEqualTo(2);
    assertThat(errLines()).containsExactly(
        "kubevip manager: invalid configuration, nothing started (1 problem):",
        "bgp_keepalive_interval: '9' is not shorter than bgp_hold_time (9s); expected keepalive < hold time,"
            + " usually a third of it");
  }

  @Test
  void givenHoldTimeOfTwoSecondsAndIpv6RouterId_whenManagerRuns_thenBothRejected() {
    assertThat(manager(Map.of("bgp_peeraddress", "192.0.2.1", "bgp_hold_time", "2", "bgp_routerid", "2001:db8::1")))
        .isEqualTo(2);
    assertThat(errLines()).contains(
        "bgp_hold_time: '2' is not allowed; expected 0 (no keepalives) or 3..65535 whole seconds (RFC 4271)",
        "bgp_routerid: '2001:db8::1' is not IPv4; a BGP router ID is 32 bits, e.g. 192.0.2.1");
  }

  @Test
  void givenFixedNextHopWithoutAddress_whenManagerRuns_thenExit2() {
    assertThat(manager(Map.of("bgp_peers", "192.0.2.1:65001::::mpbgp_nexthop=fixed"))).isEqualTo(2);
    assertThat(errLines()).contains("bgp_peers: peer 1 '192.0.2.1:65001::::mpbgp_nexthop=fixed': mpbgp_nexthop=fixed"
        + " needs mpbgp_ipv4 or mpbgp_ipv6");
  }
}
