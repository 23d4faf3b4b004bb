// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgpPeerListTest {
  static final String YAML = """
      kubevip:
        bgp:
          peers:
            - address: 192.0.2.1
              as: 65000
              password: hunter2
              communities: ["65000:100", "65000:200"]
              large-communities: ["65000:1:2"]
              local-pref: 250
              hold-time: 9
              keepalive: 3s
              source-address: 192.0.2.50
              bfd: {enabled: true, rx-ms: 100, tx-ms: 150, multiplier: 5}
            - address: 2001:db8::1
              as: 4200000001
              port: 1179
              multihop: true
              source-interface: eth1
              mpbgp: {nexthop: fixed, ipv6: "2001:db8::5"}
      """;

  static Map<String, String> bgpEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("bgp_enable", "true");
    env.put("cp_enable", "true");
    env.put("address", "192.0.2.10");
    env.put("bgp_routerid", "192.0.2.60");
    return env;
  }

  @Test
  void givenYamlList_whenLoadedAndResolved_thenEveryFieldOfEveryPeerIsBound(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("application.yaml"), YAML);
    List<PropertyEntry> props = PropertyFiles.load(dir, ClassLoader.getPlatformClassLoader(), new Properties());
    Resolution r = Configs.resolve(bgpEnv(), Map.of(), props);
    assertThat(r.warnings()).noneMatch(w -> w.contains("peers"));
    assertThat(ConfigValidator.validate(r.config(), FeatureAvailability.of(Feature.values()))).isEmpty();

    List<BgpPeer> peers = BgpPeerParser.parseAll(r.config().get(SettingsTable.BGP_PEERS).value());
    assertThat(peers).hasSize(2);
    BgpPeer a = peers.get(0);
    assertThat(a.address().getHostAddress()).isEqualTo("192.0.2.1");
    assertThat(a.as()).isEqualTo(65000);
    assertThat(a.password()).isEqualTo("hunter2");
    assertThat(a.communities()).containsExactly("65000:100", "65000:200");
    assertThat(a.largeCommunities()).containsExactly("65000:1:2");
    assertThat(a.localPref()).isEqualTo(250L);
    assertThat(a.holdTime()).isEqualTo(Duration.ofSeconds(9));
    assertThat(a.keepalive()).isEqualTo(Duration.ofSeconds(3));
    assertThat(a.sourceAddress().getHostAddress()).isEqualTo("192.0.2.50");
    assertThat(a.bfd()).isEqualTo(new BgpPeer.Bfd(true, 100, 150, 5));
    BgpPeer b = peers.get(1);
    assertThat(b.as()).isEqualTo(4200000001L);
    assertThat(b.port()).isEqualTo(1179);
    assertThat(b.multihop()).isTrue();
    assertThat(b.sourceInterface()).isEqualTo("eth1");
    assertThat(b.mpbgp()).isEqualTo(Map.of("mpbgp_nexthop", "fixed", "mpbgp_ipv6", "2001:db8::5"));
    assertThat(b.communities()).isEmpty();
    assertThat(b.localPref()).isNull();
    assertThat(r.config().get(SettingsTable.BGP_PEERS).displayValue()).doesNotContain("hunter2")
        .contains("192.0.2.1").contains("65000:100");
  }

  @Test
  void givenIndexedProperties_whenLoaded_thenFoldedIntoTheSameList() {
    Properties system = new Properties();
    system.setProperty("kubevip.bgp.peers[0].address", "192.0.2.1");
    system.setProperty("kubevip.bgp.peers[0].as", "65000");
    system.setProperty("kubevip.bgp.peers[0].communities[0]", "65000:100");
    system.setProperty("kubevip.bgp.peers[0].communities[1]", "65000:7");
    system.setProperty("kubevip.bgp.peers[0].localPref", "300");
    system.setProperty("kubevip.bgp.peers[1].address", "192.0.2.2");
    system.setProperty("kubevip.bgp.peers[1].as", "65001");
    system.setProperty("kubevip.bgp.peers[1].bfd.enabled", "true");
    List<PropertyEntry> props = PropertyFiles.load(Path.of("/nonexistent"), ClassLoader.getPlatformClassLoader(),
        system);
    assertThat(props).extracting(PropertyEntry::key).containsExactly("kubevip.bgp.peers");

    List<BgpPeer> peers = BgpPeerParser.parseAll(props.get(0).value());
    assertThat(peers).extracting(p -> p.address().getHostAddress()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(peers.get(0).communities()).containsExactly("65000:100", "65000:7");
    assertThat(peers.get(0).localPref()).isEqualTo(300L);
    assertThat(peers.get(1).bfd().enabled()).isTrue();
  }

  @Test
  void givenKubeVipString_whenParsed_thenStructuredFieldsAreEmpty() {
    BgpPeer p = BgpPeerParser.parseAll("192.0.2.1:65000").get(0);
    assertThat(p.communities()).isEmpty();
    assertThat(p.localPref()).isNull();
    assertThat(p.holdTime()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "communities: ['65000:x'] | kubevip.bgp.peers[1] (192.0.2.2): communities '65000:x' is not a standard community",
      "communities: ['70000:1'] | kubevip.bgp.peers[1] (192.0.2.2): communities '70000:1' is not a standard community",
      "communities: [65000:10] | kubevip.bgp.peers[1] (192.0.2.2): communities '3900010' is not a standard community; expected ASN:value with both 0..65535, e.g. 65000:100 (RFC 1997); in YAML quote it",
      "large-communities: ['1:2'] | kubevip.bgp.peers[1] (192.0.2.2): large-communities '1:2' is not a large community",
      "local-pref: -1 | kubevip.bgp.peers[1] (192.0.2.2): local-pref -1 is out of range; expected 0..4294967295",
      "hold-time: 2 | kubevip.bgp.peers[1] (192.0.2.2): hold-time 2s is not allowed",
      "'hold-time: 9, keepalive: 9' | kubevip.bgp.peers[1] (192.0.2.2): keepalive 9s is not shorter than hold-time 9s",
      "source-address: 2001:db8::9 | kubevip.bgp.peers[1] (192.0.2.2): source-address 2001:db8:0:0:0:0:0:9 is not of the peer's address family",
      "colour: blue | kubevip.bgp.peers[1] (192.0.2.2): field 'colour' is unknown",
      "password: '' , as: 0 | kubevip.bgp.peers[1] (192.0.2.2): as 0 is out of range; expected 1..4294967295",
      "bfd: {rx-ms: 5} | kubevip.bgp.peers[1] (192.0.2.2): bfd.rx-ms 5 is out of range; expected 10..60000",
  })
  void givenBadSecondPeer_whenValidated_thenTheProblemNamesPeerIndexAddressAndField(String field, String expected) {
    String fields = field.startsWith("'") ? field.substring(1, field.length() - 1) : field;
    String peers = "[{address: 192.0.2.1, as: 65000}, {address: 192.0.2.2, as: 65001, " + fields + "}]";
    Map<String, String> env = bgpEnv();
    env.put("bgp_peers", peers);
    List<Problem> problems = ConfigValidator.validate(Configs.config(env), FeatureAvailability.of(Feature.values()));
    assertThat(problems).extracting(Problem::toString).singleElement().asString()
        .startsWith("bgp_peers: " + expected);
  }

  @Test
  void givenMissingAddress_whenValidated_thenTheIndexIsNamed() {
    Map<String, String> env = bgpEnv();
    env.put("bgp_peers", "[{as: 65000, password: hunter2}]");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.of(Feature.values())))
        .extracting(Problem::toString).singleElement().asString()
        .isEqualTo("bgp_peers: kubevip.bgp.peers[0]: address is missing; expected an IP address, e.g. 192.0.2.1");
  }

  @Test
  void givenSamePeerTwice_whenChecked_thenBothAreNamed() {
    Map<String, String> env = bgpEnv();
    env.put("bgp_peers", "[{address: 192.0.2.1, as: 65000}, {address: 192.0.2.1, as: 65000}]");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.of(Feature.values())))
        .extracting(Problem::toString).singleElement().asString()
        .contains("kubevip.bgp.peers[1] (192.0.2.1): address and port are also configured in kubevip.bgp.peers[0]");
  }

  @Test
  void givenPasswordInStructuredList_whenRedacted_thenHidden() {
    assertThat(BgpPeerParser.redact("[{address: 192.0.2.1, as: 65000, password: hunter2}]"))
        .doesNotContain("hunter2").contains("<redacted>");
  }
}
