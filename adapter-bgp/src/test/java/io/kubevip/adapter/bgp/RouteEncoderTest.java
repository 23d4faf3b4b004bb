// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.adapter.bgp.wire.AsFormat;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.PathAttribute;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.Update;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteEncoderTest {
  private static final BgpSpeakerConfig SPEAKER = BgpSpeakerConfig.of(4200000001L, (Inet4Address) TestPeer.ip("10.0.0.2"));
  private static final BgpPeerConfig PEER = BgpPeerConfig.builder(TestPeer.ip("10.0.0.1"), 65000).build();

  private static RouteEncoder encoder(AsFormat format) {
    return new RouteEncoder(SPEAKER, PEER, new Negotiated(Duration.ofSeconds(9), Duration.ofSeconds(3), format,
        true, false, TestPeer.ip("10.0.0.2"), false));
  }

  @Test
  void givenTwoOctetPeerAndFourOctetLocalAs_whenAnnounced_thenAsTransAndAs4Path() throws Exception {
    Update u = encoder(AsFormat.TWO_OCTET).announce(List.of(Prefix.of("10.99.100.1/32"))).get(0);
    Update wire = (Update) BgpMessage.parse(ByteBuffer.wrap(u.encode(AsFormat.TWO_OCTET)), AsFormat.TWO_OCTET);
    assertThat(wire.attribute(PathAttribute.AsPath.class)).contains(PathAttribute.AsPath.sequence(23456));
    assertThat(wire.attribute(PathAttribute.As4Path.class).orElseThrow().segments())
        .isEqualTo(PathAttribute.AsPath.sequence(4200000001L).segments());
  }

  @Test
  void given3000HostRoutes_whenAnnouncedAndWithdrawn_thenEveryUpdateFits4096AndNothingIsLost() {
    List<Prefix> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(Prefix.of("10.100." + (i / 250) + "." + (i % 250 + 1) + "/32"));
    }
    List<Update> announce = encoder(AsFormat.FOUR_OCTET).announce(many);
    List<Update> withdraw = encoder(AsFormat.FOUR_OCTET).withdraw(many);
    assertThat(announce).allMatch(u -> u.encode().length <= 4096);
    assertThat(withdraw).allMatch(u -> u.encode().length <= 4096);
    assertThat(announce.stream().mapToInt(u -> u.nlri().size()).sum()).isEqualTo(3000);
    assertThat(withdraw.stream().mapToInt(u -> u.withdrawn().size()).sum()).isEqualTo(3000);
    assertThat(announce.size()).isLessThan(10);
  }

  @Test
  void givenIpv6NotNegotiated_whenIpv6Announced_thenNothingSent() {
    assertThat(encoder(AsFormat.FOUR_OCTET).announce(List.of(Prefix.of("fd99::1/128")))).isEmpty();
  }

  @Test
  void given10000HostRoutes_whenAnnounced_thenEveryUpdateButTheLastIsFullToTheLastPrefix() {
    List<Prefix> many = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      many.add(Prefix.of("10.100." + (i >> 8) + "." + (i & 0xff) + "/32"));
    }
    List<Update> announce = encoder(AsFormat.FOUR_OCTET).announce(many);
    assertThat(announce.stream().mapToInt(u -> u.nlri().size()).sum()).isEqualTo(10_000);
    for (Update u : announce.subList(0, announce.size() - 1)) {
      // one more /32 (5 octets) would not fit
      assertThat(u.encode().length).isBetween(4096 - 5 - 1, 4096);
    }
    assertThat(announce.get(0).nlri().get(0)).as("numeric order").isEqualTo(Prefix.of("10.100.0.1/32"));
    assertThat(announce.get(0).nlri().get(1)).isEqualTo(Prefix.of("10.100.0.2/32"));
  }
}
