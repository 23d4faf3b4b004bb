// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

import java.util.Arrays;
import java.util.HexFormat;

/** A link-layer address; six bytes for Ethernet, other lengths for tunnels and loopback. */
public record HardwareAddress(byte[] bytes) {
  public HardwareAddress {
    bytes = bytes.clone();
  }

  /** Parses {@code aa:bb:cc:dd:ee:ff}; the error names the value and the expected form. */
  public static HardwareAddress parse(String text) {
    String[] parts = text.split(":", -1);
    byte[] b = new byte[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].length() != 2) {
          throw new NumberFormatException();
        }
        b[i] = (byte) Integer.parseInt(parts[i], 16);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "MAC address '" + text + "' is not of the form aa:bb:cc:dd:ee:ff");
    }
    return new HardwareAddress(b);
  }

  /** Six bytes as the low 48 bits of a long, the form the ARP/NDP codecs use. */
  public static HardwareAddress ofLong(long mac) {
    byte[] b = new byte[6];
    for (int i = 0; i < 6; i++) {
      b[i] = (byte) (mac >>> (40 - 8 * i));
    }
    return new HardwareAddress(b);
  }

  public long toLong() {
    if (bytes.length != 6) {
      throw new IllegalStateException("not a 6-byte Ethernet address: " + this);
    }
    long v = 0;
    for (byte x : bytes) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HardwareAddress h && Arrays.equals(h.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.ofDelimiter(":").formatHex(bytes);
  }
}
