// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

/** Bytes that do not decode as the expected message; the only exception a decoder may throw. */
public class WireFormatException extends RuntimeException {
  public WireFormatException(String message) {
    super(message);
  }

  /** Throws unless {@code remaining >= needed}, naming what was being read. */
  public static void require(int remaining, int needed, String what) {
    if (needed < 0 || remaining < needed) {
      throw new WireFormatException(
          what + ": needs " + needed + " bytes, only " + remaining + " available");
    }
  }
}
