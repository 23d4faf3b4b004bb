// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address as an unsigned 128-bit number (IPv4 in the low 32 bits), so range arithmetic and the in-use hash set
 * cost two longs instead of an InetAddress or BigInteger per step.
 */
record AddressValue(IpFamily family, long hi, long lo) implements Comparable<AddressValue> {

  static AddressValue of(InetAddress address) {
    byte[] b = address.getAddress();
    IpFamily family = b.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
    if (b.length == 4) {
      return new AddressValue(family, 0, toLong(b, 0, 4));
    }
    return new AddressValue(family, toLong(b, 0, 8), toLong(b, 8, 8));
  }

  static AddressValue of(VipAddress vip) {
    return of(vip.address());
  }

  static AddressValue max(IpFamily family) {
    return family == IpFamily.IPV4 ? new AddressValue(family, 0, 0xffff_ffffL) : new AddressValue(family, -1, -1);
  }

  /** The first address of the {@code prefix}-bit network containing this address. */
  AddressValue networkStart(int prefix) {
    int hostBits = family.bits() - prefix;
    return new AddressValue(family, hi & ~hostMask(hostBits, true), lo & ~hostMask(hostBits, false));
  }

  /** The last address of the {@code prefix}-bit network containing this address. */
  AddressValue networkEnd(int prefix) {
    int hostBits = family.bits() - prefix;
    return new AddressValue(family, hi | hostMask(hostBits, true), lo | hostMask(hostBits, false));
  }

  // The host part of a 128-bit value split across hi/lo; for IPv4 (hi always 0) hostBits <= 32 only touches lo.
  private static long hostMask(int hostBits, boolean high) {
    if (high) {
      return hostBits <= 64 ? 0 : (hostBits >= 128 ? -1L : (1L << (hostBits - 64)) - 1);
    }
    return hostBits >= 64 ? -1L : (1L << hostBits) - 1;
  }

  AddressValue next() {
    long l = lo + 1;
    return new AddressValue(family, l == 0 ? hi + 1 : hi, l);
  }

  AddressValue previous() {
    long l = lo - 1;
    return new AddressValue(family, lo == 0 ? hi - 1 : hi, l);
  }

  /** Low byte: for IPv4 the last octet (.0 and .255 are never handed out). */
  int lastOctet() {
    return (int) (lo & 0xff);
  }

  VipAddress toVip() {
    byte[] b = new byte[family.bits() / 8];
    if (family == IpFamily.IPV4) {
      put(b, 0, 4, lo);
    } else {
      put(b, 0, 8, hi);
      put(b, 8, 8, lo);
    }
    try {
      return VipAddress.of(InetAddress.getByAddress(b));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public int compareTo(AddressValue o) {
    int c = family.compareTo(o.family);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  /** Canonical text for messages; also for addresses VipAddress refuses (multicast, loopback...). */
  @Override
  public String toString() {
    if (AddressRules.usable(this)) {
      return toVip().hostText();
    }
    if (family == IpFamily.IPV4) {
      return ((lo >>> 24) & 0xff) + "." + ((lo >>> 16) & 0xff) + "." + ((lo >>> 8) & 0xff) + "." + (lo & 0xff);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? hi : lo;
      int shift = 48 - 16 * (i % 4);
      sb.append(i == 0 ? "" : ":").append(Long.toHexString((word >>> shift) & 0xffff));
    }
    return sb.toString();
  }

  private static long toLong(byte[] b, int from, int len) {
    long v = 0;
    for (int i = from; i < from + len; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  private static void put(byte[] b, int from, int len, long v) {
    for (int i = from + len - 1; i >= from; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
  }
}
