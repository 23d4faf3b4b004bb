// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import java.net.InetAddress;

/** Prefix arithmetic on raw addresses; the kernel reports interface addresses as address plus prefix length. */
final class Prefixes {
  private Prefixes() {}

  /** True when {@code ip} lies in {@code network/prefixLength}; false across families. */
  static boolean contains(InetAddress network, int prefixLength, InetAddress ip) {
    byte[] n = network.getAddress();
    byte[] a = ip.getAddress();
    if (n.length != a.length || prefixLength < 0 || prefixLength > n.length * 8) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (n[i] != a[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (n[full] & mask) == (a[full] & mask);
  }
}
