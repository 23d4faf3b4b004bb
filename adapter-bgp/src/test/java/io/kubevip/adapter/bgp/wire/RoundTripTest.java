// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  static List<BgpMessage> messages() {
    return Messages.all();
  }

  @ParameterizedTest
  @MethodSource("messages")
  void givenMessage_whenEncodedAndParsed_thenEqual(BgpMessage m) throws Exception {
    ByteBuffer wire = ByteBuffer.wrap(m.encode());
    assertThat(BgpMessage.frameLength(wire)).isEqualTo(wire.remaining());
    assertThat(BgpMessage.parse(wire)).isEqualTo(m);
    assertThat(wire.hasRemaining()).isFalse();
  }

  @Test
  void givenTwoOctetSession_whenUpdateWithSmallAsRoundTrips_thenEqual() throws Exception {
    Update u = new Update(List.of(), List.of(PathAttribute.Origin.IGP, PathAttribute.AsPath.sequence(65001, 65000),
        new PathAttribute.NextHop(Messages.v4("10.0.0.1")), new PathAttribute.Aggregator(65001, Messages.v4("10.0.0.1"))),
        List.of(Prefix.of("10.1.0.0/16")));
    byte[] two = u.encode(AsFormat.TWO_OCTET);
    assertThat(BgpMessage.parse(ByteBuffer.wrap(two), AsFormat.TWO_OCTET)).isEqualTo(u);
    assertThat(two.length).isLessThan(u.encode(AsFormat.FOUR_OCTET).length);
  }

  @Test
  void givenLargeAsOnTwoOctetSession_whenEncoded_thenAsTransWritten() throws Exception {
    Update u = new Update(List.of(), List.of(PathAttribute.AsPath.sequence(4200000001L)), List.of());
    Update back = (Update) BgpMessage.parse(ByteBuffer.wrap(u.encode(AsFormat.TWO_OCTET)), AsFormat.TWO_OCTET);
    assertThat(back.attribute(PathAttribute.AsPath.class).orElseThrow()).isEqualTo(PathAttribute.AsPath.sequence(23456));
  }

  @Test
  void givenSeveralMessagesInOneBuffer_whenParsed_thenEachInTurn() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8192);
    for (BgpMessage m : Messages.all()) {
      b.put(m.encode());
    }
    b.flip();
    List<BgpMessage> out = new ArrayList<>();
    while (b.hasRemaining()) {
      out.add(BgpMessage.parse(b));
    }
    assertThat(out).isEqualTo(Messages.all());
  }

  @Test
  void given900HostRoutes_whenEncoded_thenFitsOneMessageWithLongAttribute() throws Exception {
    List<Prefix> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(Prefix.of("fd99:100::" + Integer.toHexString(i + 1) + "/128"));
    }
    Update u = new Update(List.of(), List.of(PathAttribute.Origin.IGP, PathAttribute.AsPath.EMPTY,
        new PathAttribute.MpReach(AfiSafi.IPV6_UNICAST, List.of(Messages.ip("fd99::11")), many)), List.of());
    byte[] wire = u.encode();
    assertThat(wire.length).isGreaterThan(3000).isLessThanOrEqualTo(4096);
    assertThat(BgpMessage.parse(ByteBuffer.wrap(wire))).isEqualTo(u);
  }

  @ParameterizedTest
  @EnumSource(AsFormat.class)
  void givenEndOfRib_whenParsed_thenRecognised(AsFormat f) throws Exception {
    Update v4 = (Update) BgpMessage.parse(ByteBuffer.wrap(Update.endOfRib(AfiSafi.IPV4_UNICAST).encode(f)), f);
    Update v6 = (Update) BgpMessage.parse(ByteBuffer.wrap(Update.endOfRib(AfiSafi.IPV6_UNICAST).encode(f)), f);
    assertThat(v4.endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST);
    assertThat(v6.endOfRibFamily()).contains(AfiSafi.IPV6_UNICAST);
    assertThat(Messages.ipv6Withdraw().endOfRibFamily()).isEmpty();
  }

  @Test
  void givenShutdownMessageOver255Octets_whenEncoded_thenCutAtCharacterBoundary() {
    String longText = "é".repeat(200); // 400 octets in UTF-8
    Notification n = Notification.shutdown(longText);
    assertThat(n.data().get(0)).isEqualTo(254);
    assertThat(n.shutdownCommunication()).contains("é".repeat(127));
  }

  @Test
  void givenOpenFor4OctetAs_whenBuilt_thenAsTransInFieldAndRealAsInCapability() {
    Open o = Messages.open();
    assertThat(o.myAs()).isEqualTo(AsFormat.AS_TRANS);
    assertThat(o.asNumber()).isEqualTo(4200000001L);
    assertThat(o.supportsFamily(AfiSafi.IPV6_UNICAST)).isTrue();
    assertThat(o.supportsRouteRefresh()).isTrue();
  }
}
