// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.adapter.bgp.BgpPeerConfig;
import io.kubevip.app.config.BgpPeerParser;
import io.kubevip.app.settings.BgpSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BgpTranslationTest {
  static final Function<String, List<InetAddress>> INTERFACES = name -> switch (name) {
    case "eth1" -> List.of(ip("fe80::1"), ip("2001:db8::7"), ip("192.0.2.7"));
    case "lo" -> List.of(ip("127.0.0.1"));
    default -> List.of();
  };

  static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  static BgpSettings settings(String routerId, String peers) {
    return new BgpSettings(65000, routerId, BgpPeerParser.parseAll(peers), Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  static BgpSpeakerInputs inputs(String routerIf, String sourceIp, String sourceIf) {
    return new BgpSpeakerInputs(routerIf, sourceIp, sourceIf, null, null, null);
  }

  @Test
  void givenRouterIdSet_whenTranslated_thenItWins() {
    assertThat(BgpTranslation.routerId(settings("192.0.2.1", "192.0.2.9:65001"), inputs("eth1", null, null),
        INTERFACES).getHostAddress()).isEqualTo("192.0.2.1");
  }

  @Test
  void givenRouterInterface_whenTranslated_thenItsFirstIpv4IsTheRouterId() {
    assertThat(BgpTranslation.routerId(settings(null, "192.0.2.9:65001"), inputs("eth1", null, null), INTERFACES)
        .getHostAddress()).isEqualTo("192.0.2.7");
  }

  @Test
  void givenNothingToTakeTheRouterIdFrom_whenTranslated_thenTheErrorNamesTheSettings() {
    assertThatThrownBy(() -> BgpTranslation.routerId(settings(null, "192.0.2.9:65001"), BgpSpeakerInputs.NONE,
        INTERFACES)).hasMessageContaining("bgp_routerid").hasMessageContaining("bgp_routerinterface");
    assertThatThrownBy(() -> BgpTranslation.routerId(settings(null, "192.0.2.9:65001"), inputs("eth9", null, null),
        INTERFACES)).hasMessage("bgp_routerinterface 'eth9' has no IPv4 address to take the router ID from");
  }

  @Test
  void givenKubeVipPeerEntry_whenTranslated_thenPortPasswordMultihopTimersAndBfdCarryOver() {
    BgpPeerConfig p = BgpTranslation.peers(settings("192.0.2.1", "192.0.2.9:65001:pw:true:1179::enable;50;100;5"),
        BgpSpeakerInputs.NONE, INTERFACES).get(0);
    assertThat(p.peerAs()).isEqualTo(65001);
    assertThat(p.port()).isEqualTo(1179);
    assertThat(p.password()).isEqualTo("pw");
    assertThat(p.multihopTtl()).isEqualTo(BgpTranslation.MULTIHOP_TTL);
    assertThat(p.holdTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.keepalive()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.bfdInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(p.bfdMultiplier()).isEqualTo(5);
    assertThat(p.sourceAddress()).isNull();
  }

  @Test
  void givenSourceInterface_whenTranslated_thenEachPeerGetsTheAddressOfItsFamily() {
    List<BgpPeerConfig> peers = BgpTranslation.peers(settings("192.0.2.1", "192.0.2.9:65001,[2001:db8::9]:65001"),
        inputs(null, null, "eth1"), INTERFACES);
    assertThat(peers).extracting(p -> p.sourceAddress().getHostAddress())
        .containsExactly("192.0.2.7", "2001:db8:0:0:0:0:0:7");
  }

  @Test
  void givenFixedNextHops_whenTranslated_thenPeerOverridesGlobal() {
    BgpSpeakerInputs in = new BgpSpeakerInputs(null, null, null, "fixed", "192.0.2.50", "2001:db8::50");
    List<BgpPeerConfig> peers = BgpTranslation.peers(
        settings("192.0.2.1", "192.0.2.9:65001,192.0.2.10:65001::::mpbgp_nexthop=fixed;mpbgp_ipv4=192.0.2.51"), in,
        INTERFACES);
    assertThat(peers.get(0).nextHopIpv4().getHostAddress()).isEqualTo("192.0.2.50");
    assertThat(peers.get(0).nextHopIpv6().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:50");
    assertThat(peers.get(1).nextHopIpv4().getHostAddress()).isEqualTo("192.0.2.51");
  }

  @Test
  void givenAutoSourceIfWithoutSourceIf_whenTranslated_thenTheErrorNamesThePeer() {
    assertThatThrownBy(() -> BgpTranslation.peers(settings("192.0.2.1", "192.0.2.9:65001:secret::::"),
        new BgpSpeakerInputs(null, null, null, "auto_sourceif", null, null), INTERFACES))
        .hasMessageStartingWith("BGP peer 1 (BgpPeer[192.0.2.9 AS65001 password=<redacted> port 179])")
        .hasMessageEndingWith("mpbgp_nexthop=auto_sourceif needs bgp_sourceif")
        .hasMessageNotContaining("secret");
  }

  @Test
  void givenSettings_whenSpeakerConfigBuilt_thenKubeVipsShutdownMessageAndHostRoutes() {
    var c = BgpTranslation.speaker(settings("192.0.2.1", "192.0.2.9:65001"), (java.net.Inet4Address) ip("192.0.2.1"));
    assertThat(c.shutdownMessage()).isEqualTo("kube-vip shutting down");
    assertThat(c.ipv4PrefixLength()).isEqualTo(32);
    assertThat(c.localAs()).isEqualTo(65000);
  }

  @Test
  void givenStructuredPeers_whenTranslated_thenCommunitiesLocalPrefTimersAndSourceArePerPeer() {
    BgpSettings s = settings("192.0.2.1", "[{address: 192.0.2.9, as: 65000, communities: ['65000:100'],"
        + " large-communities: ['65000:1:2'], local-pref: 250, hold-time: 9, keepalive: 3, source-interface: eth1},"
        + " {address: 192.0.2.8, as: 65001}]");
    List<BgpPeerConfig> peers = BgpTranslation.peers(s, inputs(null, "192.0.2.3", null), INTERFACES);
    BgpPeerConfig first = peers.get(0);
    assertThat(first.communities()).containsExactly(0xfde80064L);
    assertThat(first.largeCommunities()).hasSize(1);
    assertThat(first.localPref()).isEqualTo(250L);
    assertThat(first.holdTime()).isEqualTo(Duration.ofSeconds(9));
    assertThat(first.keepalive()).isEqualTo(Duration.ofSeconds(3));
    assertThat(first.sourceAddress().getHostAddress()).isEqualTo("192.0.2.7");
    BgpPeerConfig second = peers.get(1);
    assertThat(second.communities()).isEmpty();
    assertThat(second.largeCommunities()).isEmpty();
    assertThat(second.localPref()).isNull();
    assertThat(second.holdTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(second.sourceAddress().getHostAddress()).isEqualTo("192.0.2.3");
  }
}
