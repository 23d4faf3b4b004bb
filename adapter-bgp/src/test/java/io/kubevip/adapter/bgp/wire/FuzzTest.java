// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing (mdlayher/arp {@code fuzz_test.go} style): 100,000 mutated seeds plus 100,000 random bodies per
 * message type. Each input must give a valid message or a {@link BgpDecodeException}, and a valid message must
 * survive encode→parse unchanged.
 */
class FuzzTest {
  private static final int RUNS = 100_000;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void givenMutatedAndRandomInputs_whenParsed_thenValidOrTypedError(int type) {
    SplittableRandom rnd = new SplittableRandom(0xB6Fl * type);
    List<byte[]> seeds = Messages.all().stream().filter(m -> m.type() == type).map(BgpMessage::encode).toList();
    int valid = 0;
    int errors = 0;
    for (int i = 0; i < RUNS; i++) {
      byte[] input = seeds.isEmpty() || i % 2 == 1 ? randomMessage(rnd, type)
          : mutate(rnd, seeds.get(rnd.nextInt(seeds.size())));
      if (check(input)) {
        valid++;
      } else {
        errors++;
      }
    }
    assertThat(valid + errors).isEqualTo(RUNS);
    assertThat(errors).as("fuzzing must reach the error paths").isPositive();
  }

  /** True for a valid message, false for a typed error; fails the test on anything else. */
  private static boolean check(byte[] input) {
    BgpMessage m;
    try {
      m = BgpMessage.parse(ByteBuffer.wrap(input));
    } catch (BgpDecodeException e) {
      assertThat(e.code()).isBetween(1, 7);
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("input " + java.util.HexFormat.of().formatHex(input) + " threw " + e, e);
    }
    if (m instanceof Update u && u.error() != null) {
      return true;
    }
    try {
      byte[] again = m.encode();
      assertThat(BgpMessage.parse(ByteBuffer.wrap(again))).isEqualTo(m);
    } catch (BgpDecodeException | RuntimeException e) {
      fail("re-encoding " + m + " from " + java.util.HexFormat.of().formatHex(input) + " failed: " + e, e);
    }
    return true;
  }

  private static byte[] randomMessage(SplittableRandom rnd, int type) {
    int bodyLen = rnd.nextInt(type == 4 ? 2 : 120);
    byte[] b = new byte[19 + bodyLen];
    Arrays.fill(b, 0, 16, (byte) 0xff);
    b[16] = (byte) (b.length >> 8);
    b[17] = (byte) b.length;
    b[18] = (byte) type;
    for (int i = 19; i < b.length; i++) {
      // small values hit lengths, counts and types that mean something
      b[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(6));
    }
    if (type == 2 && bodyLen >= 4) {
      b[19] = 0;
      b[20] = (byte) rnd.nextInt(3);
      b[21] = 0;
      b[22] = (byte) rnd.nextInt(bodyLen);
    }
    if (type == 1 && bodyLen >= 10) {
      b[19] = 4;
      b[28] = (byte) (bodyLen - 10);
    }
    return b;
  }

  private static byte[] mutate(SplittableRandom rnd, byte[] seed) {
    byte[] b = seed.clone();
    int kind = rnd.nextInt(5);
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n; k++) {
      int pos = rnd.nextInt(b.length);
      switch (kind) {
        case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[pos] = (byte) rnd.nextInt(256);
        case 2 -> b[Math.min(b.length - 1, Math.max(19, pos))] = (byte) rnd.nextInt(256);
        default -> {
          // truncate or extend, keeping the header length consistent so the body decoders get the input
          int len = Math.max(19, Math.min(4096, b.length + rnd.nextInt(-8, 9)));
          b = Arrays.copyOf(b, len);
          b[16] = (byte) (len >> 8);
          b[17] = (byte) len;
        }
      }
    }
    return b;
  }
}
