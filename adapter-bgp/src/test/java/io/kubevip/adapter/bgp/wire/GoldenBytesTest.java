// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes written out by hand from the RFC layouts (not produced by this encoder), so an encoder and decoder that
 * agree with each other but not with the RFCs still fail here.
 */
class GoldenBytesTest {
  private static final String MARKER = "ffffffffffffffffffffffffffffffff";

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void keepalive() throws Exception {
    byte[] golden = hex(MARKER + "0013 04");
    assertThat(Keepalive.INSTANCE.encode()).isEqualTo(golden);
    assertThat(BgpMessage.parse(ByteBuffer.wrap(golden))).isEqualTo(Keepalive.INSTANCE);
  }

  @Test
  void openWithMpIpv4And4OctetAs() throws Exception {
    // version 4, AS_TRANS 23456 (0x5ba0), hold 3, id 10.99.0.11, opt len 14: param 2 len 12:
    // cap 1 len 4 (afi 1, res 0, safi 1), cap 65 len 4 (4200000001 = 0xfa56ea01)
    byte[] golden = hex(MARKER + "002b 01" + "04 5ba0 0003 0a63000b 0e 02 0c 01 04 0001 00 01 41 04 fa56ea01");
    Open o = Open.of(4200000001L, 3, Messages.v4("10.99.0.11"),
        List.of(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST)));
    assertThat(o.encode()).isEqualTo(golden);
    assertThat(BgpMessage.parse(ByteBuffer.wrap(golden))).isEqualTo(o);
  }

  @Test
  void ipv4HostRouteAnnouncement() throws Exception {
    // withdrawn len 0; attrs len 0x1c: ORIGIN (40 01 01 00), AS_PATH seq [65001] 4-octet (40 02 06 02 01 0000fde9),
    // NEXT_HOP (40 03 04 0a63000b), COMMUNITIES 65000:100 (c0 08 04 fde80064); NLRI 10.99.100.1/32 (20 0a636401)
    byte[] golden = hex(MARKER + "0037 02" + "0000 001b"
        + "40010100" + "400206 02 01 0000fde9" + "400304 0a63000b" + "c00804 fde80064" + "20 0a636401");
    Update u = new Update(List.of(), List.of(PathAttribute.Origin.IGP, PathAttribute.AsPath.sequence(65001),
        new PathAttribute.NextHop(Messages.v4("10.99.0.11")),
        new PathAttribute.Communities(List.of(PathAttribute.Communities.parse("65000:100")))),
        List.of(Prefix.of("10.99.100.1/32")));
    assertThat(u.encode()).isEqualTo(golden);
    assertThat(BgpMessage.parse(ByteBuffer.wrap(golden))).isEqualTo(u);
  }

  @Test
  void ipv6EndOfRib() throws Exception {
    // RFC 4724 §2: MP_UNREACH_NLRI (80 0f 03) afi 2 safi 1, nothing else
    byte[] golden = hex(MARKER + "001d 02" + "0000 0006 800f03 0002 01");
    assertThat(Update.endOfRib(AfiSafi.IPV6_UNICAST).encode()).isEqualTo(golden);
  }

  @Test
  void ceaseWithShutdownCommunication() throws Exception {
    // RFC 9003: Cease (6) / Administrative Shutdown (2), length 3, "bye"
    byte[] golden = hex(MARKER + "0019 03" + "06 02 03 627965");
    assertThat(Notification.shutdown("bye").encode()).isEqualTo(golden);
    assertThat(((Notification) BgpMessage.parse(ByteBuffer.wrap(golden))).shutdownCommunication()).contains("bye");
  }

  @Test
  void routeRefreshIpv4() throws Exception {
    byte[] golden = hex(MARKER + "0017 05" + "0001 00 01");
    assertThat(new RouteRefresh(AfiSafi.IPV4_UNICAST).encode()).isEqualTo(golden);
  }
}
