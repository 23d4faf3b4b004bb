// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded fuzzing: random buffers and mutations of valid encodings (mdlayher/arp fuzz_test.go style).
 * A decoder must return a value or throw {@link WireFormatException}; anything else fails with the input.
 */
final class Fuzz {
  static final int ITERATIONS = 100_000;

  private Fuzz() {}

  /** Runs {@link #ITERATIONS} inputs and returns how many decoded to a value. */
  static <T> int run(long seed, List<byte[]> seeds, Function<ByteBuffer, T> decoder, Function<T, ?> reencode) {
    Random r = new Random(seed);
    int valid = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = (i % 2 == 0) ? randomBytes(r) : mutate(r, seeds.get(r.nextInt(seeds.size())));
      try {
        T value = decoder.apply(ByteBuffer.wrap(input).order(ByteOrder.nativeOrder()));
        reencode.apply(value);
        valid++;
      } catch (WireFormatException expected) {
        // a typed decode error is an allowed outcome
      } catch (RuntimeException e) {
        fail("input #" + i + " " + hex(input) + " threw " + e, e);
      }
    }
    return valid;
  }

  private static byte[] randomBytes(Random r) {
    byte[] b = new byte[r.nextInt(96)];
    r.nextBytes(b);
    return b;
  }

  private static byte[] mutate(Random r, byte[] seed) {
    byte[] b = seed.clone();
    int kind = r.nextInt(4);
    if (kind == 0 && b.length > 0) {
      b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
    } else if (kind == 1) {
      b = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(16));
    }
    int flips = 1 + r.nextInt(4);
    for (int f = 0; f < flips && b.length > 0; f++) {
      b[r.nextInt(b.length)] = (byte) r.nextInt(256);
    }
    return b;
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }
}
