// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Builds addresses from raw bytes without DNS and without Java's IPv4-mapped shortcut. */
public final class InetBytes {
  private InetBytes() {}

  public static Inet4Address v4(byte[] b) {
    if (b.length != 4) {
      throw new WireFormatException("IPv4 address: needs 4 bytes, has " + b.length);
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new WireFormatException("IPv4 address: " + e.getMessage());
    }
  }

  public static Inet6Address v6(byte[] b) {
    if (b.length != 16) {
      throw new WireFormatException("IPv6 address: needs 16 bytes, has " + b.length);
    }
    try {
      return Inet6Address.getByAddress(null, b, -1);
    } catch (UnknownHostException e) {
      throw new WireFormatException("IPv6 address: " + e.getMessage());
    }
  }

  /** 4 bytes give IPv4, 16 bytes IPv6, anything else is a decode error. */
  public static InetAddress of(byte[] b) {
    if (b.length == 4) {
      return v4(b);
    }
    if (b.length == 16) {
      return v6(b);
    }
    throw new WireFormatException("IP address: needs 4 or 16 bytes, has " + b.length);
  }

  /** The 48-bit MAC in the low bits of a long, as six bytes. */
  public static byte[] macBytes(long mac) {
    byte[] b = new byte[6];
    for (int i = 0; i < 6; i++) {
      b[i] = (byte) (mac >>> (40 - 8 * i));
    }
    return b;
  }

  public static long macLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 6; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }
}
