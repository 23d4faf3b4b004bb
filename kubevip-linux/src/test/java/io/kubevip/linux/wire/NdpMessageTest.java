// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.linux.wire.ndp.NdpMessage;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import io.kubevip.linux.wire.ndp.NeighborSolicitation;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NdpMessageTest {
  private static final long MAC = 0x0200_0000_0abcL;

  private static Inet6Address vip() throws Exception {
    return (Inet6Address) InetAddress.getByName("fd99::50");
  }

  @Test
  void givenUnsolicitedNa_whenEncoded_thenMatchesUnaPyBytes() throws Exception {
    // una.py: struct.pack('!BBHI', 136, 0, 0, 0x20000000) + target + bytes([2,1]) + mac
    String expected = "88" + "00" + "0000" + "20000000" + "fd990000000000000000000000000050"
        + "0201" + "020000000abc";
    assertThat(Fuzz.hex(NeighborAdvertisement.unsolicited(vip(), MAC).encode())).isEqualTo(expected);
  }

  @Test
  void givenEachMessage_whenRoundTripped_thenEqual() throws Exception {
    for (NdpMessage m :
        List.of(
            NeighborAdvertisement.unsolicited(vip(), MAC),
            new NeighborAdvertisement(true, true, false, vip(), OptionalLong.empty()),
            new NeighborSolicitation(vip(), OptionalLong.of(MAC)),
            new NeighborSolicitation(vip(), OptionalLong.empty()))) {
      assertThat(NdpMessage.parse(ByteBuffer.wrap(m.encode()))).isEqualTo(m);
    }
  }

  @Test
  void givenTarget_whenSolicitedNodeGroup_thenLow24BitsCopied() throws Exception {
    byte[] g = NeighborSolicitation.solicitedNodeGroup((Inet6Address) InetAddress.getByName("fd99::12:3456"));
    assertThat(InetAddress.getByAddress(g).getHostAddress()).isEqualTo("ff02:0:0:0:0:1:ff12:3456");
  }

  @Test
  void givenZeroLengthOption_whenParsed_thenTypedError() throws Exception {
    byte[] b = NeighborAdvertisement.unsolicited(vip(), MAC).encode();
    b[25] = 0;
    assertThatThrownBy(() -> NdpMessage.parse(ByteBuffer.wrap(b)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("length 0");
  }

  @Test
  void givenEchoRequest_whenParsed_thenTypedErrorNamesType() {
    byte[] b = new byte[24];
    b[0] = (byte) 128;
    assertThatThrownBy(() -> NdpMessage.parse(ByteBuffer.wrap(b))).hasMessageContaining("type 128");
  }

  @Test
  void givenRandomAndMutatedInputs_whenParsed_thenValueOrTypedError() throws Exception {
    List<byte[]> seeds =
        List.of(
            NeighborAdvertisement.unsolicited(vip(), MAC).encode(),
            new NeighborSolicitation(vip(), OptionalLong.of(MAC)).encode());
    int valid =
        Fuzz.run(7, seeds, NdpMessage::parse, m -> NdpMessage.parse(ByteBuffer.wrap(m.encode())));
    assertThat(valid).isPositive();
  }
}
