// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

/** Dotted IPv4 text to a number and back, enough to check that an address the monitor saw is one of the pool's. */
final class Pool4 {
  private final long network;
  private final long size;

  Pool4(String cidr) {
    String[] f = cidr.split("/");
    this.network = toLong(f[0]);
    this.size = 1L << (32 - Integer.parseInt(f[1]));
  }

  boolean contains(String address) {
    try {
      long a = toLong(address);
      return a >= network && a < network + size;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static long toLong(String dotted) {
    String[] o = dotted.split("\\.");
    if (o.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    long v = 0;
    for (String s : o) {
      int b = Integer.parseInt(s);
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      v = v << 8 | b;
    }
    return v;
  }
}
