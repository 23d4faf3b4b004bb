// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.bfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BfdPacketTest {
  private static final BfdPacket UP = new BfdPacket(0, BfdState.UP, false, true, false, false, 3, 0x11223344L,
      0x55667788L, 100_000, 100_000, 0);

  @Test
  void givenPacket_whenEncoded_thenGoldenBytesAndRoundTrip() throws Exception {
    // version 1 diag 0 (0x20), Up + F (0xd0), mult 3, length 24, discriminators, 100 ms = 0x000186a0
    byte[] golden = HexFormat.of().parseHex("20d00318" + "11223344" + "55667788" + "000186a0" + "000186a0" + "00000000");
    assertThat(UP.encode()).isEqualTo(golden);
    assertThat(BfdPacket.parse(ByteBuffer.wrap(golden))).isEqualTo(UP);
  }

  @Test
  void givenYourDiscriminatorZeroInUp_whenParsed_thenDiscarded() {
    byte[] b = UP.encode();
    b[8] = b[9] = b[10] = b[11] = 0;
    assertThat(catchThrowableOfType(BfdDecodeException.class, () -> BfdPacket.parse(ByteBuffer.wrap(b))))
        .hasMessageContaining("Your Discriminator 0");
  }

  @Test
  void givenRandomAndMutatedInputs_whenParsed_thenPacketOrDiscardNeverAnythingElse() throws Exception {
    SplittableRandom rnd = new SplittableRandom(5880);
    int valid = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] b = i % 2 == 0 ? UP.encode() : new byte[rnd.nextInt(40)];
      if (i % 2 == 0) {
        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
      } else {
        for (int j = 0; j < b.length; j++) {
          b[j] = (byte) rnd.nextInt(256);
        }
      }
      try {
        BfdPacket p = BfdPacket.parse(ByteBuffer.wrap(b));
        assertThat(BfdPacket.parse(ByteBuffer.wrap(p.encode()))).isEqualTo(p);
        valid++;
      } catch (BfdDecodeException expected) {
        // discarded, as RFC 5880 §6.8.6 says
      }
    }
    assertThat(valid).isPositive();
  }
}
