// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable bytes with value equality, so records holding opaque data still round-trip with equals. */
public final class Octets {
  public static final Octets EMPTY = new Octets(new byte[0]);
  private final byte[] bytes;

  private Octets(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Octets of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  public int get(int i) {
    return bytes[i] & 0xff;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
