// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.AsFormat;
import io.kubevip.adapter.bgp.wire.Capability;
import io.kubevip.adapter.bgp.wire.Open;
import io.kubevip.domain.address.VipAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validation messages name the peer, the setting and the expected range; negotiation follows RFC 4271 §4.2. */
class ConfigTest {
  private static final BgpPeerConfig.Builder PEER = BgpPeerConfig.builder(TestPeer.ip("10.0.0.1"), 65000);
  private static final BgpSpeakerConfig SPEAKER = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.0.0.2"));

  @Test
  void givenHoldTimeTwo_whenBuilt_thenErrorNamesPeerSettingAndRange() {
    assertThatThrownBy(() -> PEER.holdTime(Duration.ofSeconds(2)).build())
        .hasMessageContaining("BGP peer 10.0.0.1").hasMessageContaining("hold time must be 0 or 3..65535");
  }

  @Test
  void givenBadCommunity_whenParsed_thenErrorShowsValueAndFormat() {
    assertThatThrownBy(() -> BgpPeerConfig.builder(TestPeer.ip("10.0.0.1"), 1).communities("65000:70000"))
        .hasMessageContaining("'65000:70000'").hasMessageContaining("<0..65535>:<0..65535>");
  }

  @Test
  void givenAsZeroOrNoFamily_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> BgpPeerConfig.builder(TestPeer.ip("10.0.0.1"), 0).build())
        .hasMessageContaining("AS must be 1..4294967295, was 0");
    assertThatThrownBy(() -> BgpPeerConfig.builder(TestPeer.ip("10.0.0.1"), 1).families(false, false).build())
        .hasMessageContaining("enable at least one of IPv4 and IPv6 unicast");
  }

  private static Open theirs(int hold, boolean fourOctet) {
    List<Capability> caps = List.of(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST));
    return fourOctet ? Open.of(65000, hold, (Inet4Address) TestPeer.ip("10.0.0.1"), caps)
        : new Open(65000, hold, (Inet4Address) TestPeer.ip("10.0.0.1"), caps);
  }

  @Test
  void givenHoldTimes_whenNegotiated_thenSmallerWinsAndKeepaliveIsAThird() {
    Negotiated n = Negotiated.of(SPEAKER, PEER.holdTime(Duration.ofSeconds(90)).build(), theirs(9, true),
        TestPeer.ip("10.0.0.2"));
    assertThat(n.holdTime()).isEqualTo(Duration.ofSeconds(9));
    assertThat(n.keepalive()).isEqualTo(Duration.ofSeconds(3));
    assertThat(n.asFormat()).isEqualTo(AsFormat.FOUR_OCTET);
    assertThat(n.ipv4()).isTrue();
    assertThat(n.ipv6()).as("peer did not offer IPv6").isFalse();
  }

  @Test
  void givenPeerHoldZero_whenNegotiated_thenNoKeepalivesAndTwoOctetAsWithoutCapability() {
    Negotiated n = Negotiated.of(SPEAKER, PEER.holdTime(Duration.ofSeconds(9)).build(), theirs(0, false),
        TestPeer.ip("10.0.0.2"));
    assertThat(n.holdTime()).isZero();
    assertThat(n.keepalive()).isZero();
    assertThat(n.asFormat()).isEqualTo(AsFormat.TWO_OCTET);
  }

  @Test
  void givenDhcpPlaceholder_whenAdvertised_thenIgnored() {
    BgpSpeaker s = new BgpSpeaker(SPEAKER, List.of());
    s.advertise(Set.of(VipAddress.dhcpMarker(io.kubevip.domain.address.IpFamily.IPV4)));
    assertThat(s.advertised()).isEmpty();
  }
}
