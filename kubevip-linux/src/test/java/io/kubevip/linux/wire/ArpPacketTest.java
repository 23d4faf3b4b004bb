// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.wire.arp.ArpPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpPacketTest {
  private static final long MAC = 0x1a49_0000_0102L;

  private static Inet4Address vip() throws Exception {
    return (Inet4Address) InetAddress.getByName("10.99.0.50");
  }

  @Test
  void givenGratuitousRequest_whenEncoded_thenMatchesArpingUBytes() throws Exception {
    byte[] b = ArpPacket.gratuitousRequest(MAC, vip()).encode();
    assertThat(Fuzz.hex(b))
        .isEqualTo("0001" + "0800" + "06" + "04" + "0001" + "1a4900000102" + "0a630032"
            + "ffffffffffff" + "0a630032");
  }

  @Test
  void givenGratuitousReply_whenEncoded_thenTargetMacIsSenderMac() throws Exception {
    ArpPacket p = ArpPacket.gratuitousReply(MAC, vip());
    assertThat(p.operation()).isEqualTo(ArpPacket.OP_REPLY);
    assertThat(Fuzz.hex(p.encode())).endsWith("1a49000001020a630032");
    assertThat(p.isGratuitous()).isTrue();
  }

  @Test
  void givenEveryForm_whenRoundTripped_thenEqual() throws Exception {
    for (ArpPacket p :
        List.of(
            ArpPacket.gratuitousRequest(MAC, vip()),
            ArpPacket.gratuitousReply(MAC, vip()),
            new ArpPacket(1, 0x0200_0000_0001L, vip(),
                0, (Inet4Address) InetAddress.getByName("10.99.0.1")))) {
      assertThat(ArpPacket.parse(ByteBuffer.wrap(p.encode()))).isEqualTo(p);
    }
  }

  @Test
  void givenEthernetPadding_whenParsed_thenIgnored() throws Exception {
    byte[] padded = java.util.Arrays.copyOf(ArpPacket.gratuitousRequest(MAC, vip()).encode(), 46);
    assertThat(ArpPacket.parse(ByteBuffer.wrap(padded)).senderIp()).isEqualTo(vip());
  }

  @Test
  void givenNonIpv4Protocol_whenParsed_thenTypedErrorNamesTheFields() throws Exception {
    byte[] b = ArpPacket.gratuitousRequest(MAC, vip()).encode();
    b[2] = (byte) 0x86;
    b[3] = (byte) 0xdd;
    assertThatThrownBy(() -> ArpPacket.parse(ByteBuffer.wrap(b)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("0x86dd");
  }

  @Test
  void givenRandomAndMutatedInputs_whenParsed_thenValueOrTypedError() throws Exception {
    List<byte[]> seeds =
        List.of(ArpPacket.gratuitousRequest(MAC, vip()).encode(), ArpPacket.gratuitousReply(MAC, vip()).encode());
    int valid = Fuzz.run(42, seeds, ArpPacket::parse, p -> ArpPacket.parse(ByteBuffer.wrap(p.encode())));
    assertThat(valid).isPositive();
  }
}
