// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgpPeerParserTest {

  @Test
  void givenFullPeer_whenParsed_thenEveryFieldIsRead() {
    BgpPeer p = BgpPeerParser.parseAll("192.0.2.1:65001:s3cret:true:1179:mpbgp_nexthop=fixed:true;100;200;5").get(0);
    assertThat(p.address().getHostAddress()).isEqualTo("192.0.2.1");
    assertThat(p.as()).isEqualTo(65001);
    assertThat(p.password()).isEqualTo("s3cret");
    assertThat(p.multihop()).isTrue();
    assertThat(p.port()).isEqualTo(1179);
    assertThat(p.mpbgp()).isEqualTo(Map.of("mpbgp_nexthop", "fixed"));
    assertThat(p.bfd()).isEqualTo(new BgpPeer.Bfd(true, 100, 200, 5));
  }

  @Test
  void givenIpv6InsideAPeerOption_whenChecked_thenTooManyFieldsWithPasswordRedacted() {
    // kube-vip splits on ':' too, so an IPv6 mpbgp_ipv6 inside bgp_peers cannot work; use the global mpbgp_ipv6.
    assertThat(BgpPeerParser.errors("192.0.2.1:65001:s3cret:true:1179:mpbgp_ipv6=2001:db8::1"))
        .singleElement().asString().startsWith("peer 1 '192.0.2.1:65001:<redacted>:true:1179:mpbgp_ipv6=2001:db8::1'")
        .contains("has 9 fields").doesNotContain("s3cret");
  }

  @Test
  void givenIpv6InBracketsAndShortForms_whenParsed_thenDefaultsApply() {
    List<BgpPeer> peers = BgpPeerParser.parseAll("[2001:db8::1]:65002, 192.0.2.2:65003:pw");
    assertThat(peers).hasSize(2);
    assertThat(peers.get(0).address().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(peers.get(0).port()).isEqualTo(179);
    assertThat(peers.get(0).password()).isEmpty();
    assertThat(peers.get(0).bfd()).isEqualTo(BgpPeer.Bfd.DISABLED);
    assertThat(peers.get(1).password()).isEqualTo("pw");
    assertThat(peers.get(1).multihop()).isFalse();
  }

  @Test
  void givenMpbgpAndBfd_whenParsed_thenOptionsAreKept() {
    BgpPeer p = BgpPeerParser.parseAll("192.0.2.1:65001::true:1179:mpbgp_nexthop=auto_sourceip;mpbgp_ipv4=192.0.2.9:enable;100;200;5").get(0);
    assertThat(p.multihop()).isTrue();
    assertThat(p.port()).isEqualTo(1179);
    assertThat(p.mpbgp()).isEqualTo(Map.of("mpbgp_nexthop", "auto_sourceip", "mpbgp_ipv4", "192.0.2.9"));
    assertThat(p.bfd()).isEqualTo(new BgpPeer.Bfd(true, 100, 200, 5));
    assertThat(p.toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10.0.0.300:65000 | peer 1 '10.0.0.300:65000': address '10.0.0.300' is not an IP address; expected e.g. 192.0.2.1 or 2001:db8::1 (IPv6 in brackets: [2001:db8::1]:65000)",
      "192.0.2.1 | peer 1 '192.0.2.1': AS is missing; expected address:AS, e.g. 192.0.2.1:65000",
      "192.0.2.1:0 | peer 1 '192.0.2.1:0': AS 0 is out of range; expected 1..4294967295",
      "192.0.2.1:65000::false:99999 | peer 1 '192.0.2.1:65000::false:99999': port 99999 is out of range; expected 1..65535",
      "192.0.2.1:65000:pw:yes | peer 1 '192.0.2.1:65000:<redacted>:yes': multihop 'yes' is not a boolean; expected true or false",
      "192.0.2.1:65000::::nexthop=x | peer 1 '192.0.2.1:65000::::nexthop=x': mpbgp option 'nexthop=x' is not key=value with key one of mpbgp_ipv4, mpbgp_ipv6, mpbgp_nexthop",
      "192.0.2.1:65000:::::enable;0 | peer 1 '192.0.2.1:65000:::::enable;0': bfd rx_ms 0 is out of range; expected 1..60000",
      "192.0.2.1:65000:a:b:c:d:e:f | peer 1 '192.0.2.1:65000:<redacted>:b:c:d:e:f': has 8 fields; expected at most 7 (address:AS:password:multihop:port:mpbgp:bfd; IPv6 addresses in brackets)",
      "2001:db8::1:65000 | peer 1 '2001:db8::1:65000': address '2001' is not an IP address; expected e.g. 192.0.2.1 or 2001:db8::1 (IPv6 in brackets: [2001:db8::1]:65000)"})
  void givenBadPeer_whenChecked_thenErrorNamesPeerAndField(String text, String expected) {
    assertThat(BgpPeerParser.errors(text)).containsExactly(expected);
    assertThatThrownBy(() -> BgpPeerParser.parseAll(text)).hasMessage(expected);
  }

  @Test
  void givenSeveralBadPeers_whenChecked_thenEachGetsItsOwnError() {
    assertThat(BgpPeerParser.errors("192.0.2.1:x,192.0.2.2:65000,192.0.2.3:y")).hasSize(2)
        .allSatisfy(e -> assertThat(e).contains("AS '"));
  }

  @Test
  void givenPasswords_whenRedacted_thenOnlyPasswordsAreHidden() {
    assertThat(BgpPeerParser.redact("192.0.2.1:65000:hunter2:true,[2001:db8::1]:65001:pw2,192.0.2.3:65002"))
        .isEqualTo("192.0.2.1:65000:<redacted>:true,[2001:db8::1]:65001:<redacted>,192.0.2.3:65002");
  }
}
