// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VipAddressTest {

  @ParameterizedTest
  @CsvSource({
      "10.0.0.5, 10.0.0.5/32",
      "10.0.0.5/24, 10.0.0.5/24",
      "' 192.168.1.1 ', 192.168.1.1/32",
      "fd00::5, fd00::5/128",
      "FD00:0:0:0:0:0:0:5/64, fd00::5/64",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128",
      "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1/128",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
      "2001:db8::, 2001:db8::/128",
      "::ffff:10.1.2.3, 10.1.2.3/32",
      "::10.1.2.3, ::a01:203/128"
  })
  void givenValidText_whenParsed_thenCanonicalRfc5952Text(String text, String canonical) {
    assertThat(VipAddress.parse(text)).hasToString(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"224.0.0.1", "239.255.255.250", "ff02::1", "ff05::2"})
  void givenMulticast_whenParsed_thenRefusedNamingMulticast(String text) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class).hasMessageContaining("multicast");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1", "fe80::1234:5678", "febf::1"})
  void givenLinkLocalIpv6_whenParsed_thenRefused(String text) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class).hasMessageContaining("link-local");
  }

  @Test
  void givenLinkLocalIpv4_whenParsed_thenAccepted() {
    // 169.254/16 is used for VIPs in some labs; kube-vip only refuses IPv6 link-local.
    assertThat(VipAddress.parse("169.254.1.1").hostText()).isEqualTo("169.254.1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1"})
  void givenLoopback_whenParsed_thenRefused(String text) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class).hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "0.0.0.0/32"})
  void givenUnspecified_whenParsed_thenRefusedPointingToDhcp(String text) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class).hasMessageContaining("DHCP");
  }

  @Test
  void givenUnspecified_whenParsedAllowingDhcp_thenDhcpMarkerOfThatFamily() {
    assertThat(VipAddress.parseAllowingDhcp("0.0.0.0")).isEqualTo(VipAddress.dhcpMarker(IpFamily.IPV4));
    assertThat(VipAddress.parseAllowingDhcp(" :: ")).isEqualTo(VipAddress.dhcpMarker(IpFamily.IPV6));
    assertThat(VipAddress.dhcpMarker(IpFamily.IPV4).isDhcpMarker()).isTrue();
    assertThat(VipAddress.dhcpMarker(IpFamily.IPV6)).hasToString("::/128");
    assertThat(VipAddress.parseAllowingDhcp("10.0.0.1").isDhcpMarker()).isFalse();
  }

  @Test
  void givenDhcpMarkerWithOtherPrefix_whenParsedAllowingDhcp_thenRefused() {
    assertThat(VipAddress.parseAllowingDhcp("0.0.0.0/32").isDhcpMarker()).isTrue();
    assertThat(VipAddress.parseAllowingDhcp("::/128").isDhcpMarker()).isTrue();
    assertThatThrownBy(() -> VipAddress.parseAllowingDhcp("0.0.0.0/8")).isInstanceOf(InvalidVipException.class)
        .hasMessage("'0.0.0.0/8': the DHCP marker takes no prefix other than /32");
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1/33, 1..32", "10.0.0.1/0, 1..32", "fd00::1/129, 1..128", "10.0.0.1/abc, not a number", "10.0.0.1/, not a number"})
  void givenBadPrefix_whenParsed_thenMessageNamesRange(String text, String expected) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class).hasMessageContaining(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.com", "kube-vip.io", "a:b", "dead:beef", "1:2:3", "10.0.0", "10.0.0.256",
      "010.0.0.1", "fe80::1%eth0", "[fd00::1]", "1:2:3:4:5:6:7:8:9", "1::2::3", "fd00::g", "١٠.0.0.1", ""})
  void givenNotALiteral_whenParsed_thenRefusedWithoutLookup(String text) {
    assertThatThrownBy(() -> VipAddress.parse(text)).isInstanceOf(InvalidVipException.class)
        .hasMessageContaining("expected");
  }

  @Test
  void givenNull_whenParsed_thenClearError() {
    assertThatThrownBy(() -> VipAddress.parse(null)).isInstanceOf(InvalidVipException.class).hasMessageContaining("empty VIP");
  }

  @Test
  void givenMixedAddresses_whenSorted_thenIpv4FirstThenNumericThenPrefix() {
    List<VipAddress> list = new ArrayList<>(List.of(VipAddress.parse("fd00::1"), VipAddress.parse("10.0.0.10"),
        VipAddress.parse("10.0.0.9"), VipAddress.parse("200.0.0.1"), VipAddress.parse("10.0.0.9/24"),
        VipAddress.parse("::2"), VipAddress.parse("ffff::1".replace("ffff", "fe00"))));
    list.sort(null);
    assertThat(list).extracting(VipAddress::toString).containsExactly("10.0.0.9/24", "10.0.0.9/32", "10.0.0.10/32",
        "200.0.0.1/32", "::2/128", "fd00::1/128", "fe00::1/128");
  }

  @Test
  void givenSameAddressDifferentSpelling_whenCompared_thenEqualWithSameHash() {
    VipAddress a = VipAddress.parse("2001:DB8::1");
    VipAddress b = VipAddress.parse("2001:db8:0:0:0:0:0:1/128");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.compareTo(b)).isZero();
    assertThat(VipAddress.parse("10.0.0.1")).isNotEqualTo(VipAddress.parse("10.0.0.1/24"));
    assertThat(VipAddress.parse("10.0.0.1")).isNotEqualTo(VipAddress.parse("10.0.0.2"));
  }

  @Test
  void givenHostRouteAndSubnetPrefix_whenAsked_thenIsHostRouteAndFamily() {
    assertThat(VipAddress.parse("10.0.0.1").isHostRoute()).isTrue();
    assertThat(VipAddress.parse("10.0.0.1/24").isHostRoute()).isFalse();
    assertThat(VipAddress.parse("fd00::1").family()).isEqualTo(IpFamily.IPV6);
    assertThat(VipAddress.parse("fd00::1").prefixLength()).isEqualTo(128);
  }
}
