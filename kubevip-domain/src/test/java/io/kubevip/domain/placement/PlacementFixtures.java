// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random VIP and node sets for the property tests; seeded so a failure names a reproducible case. */
final class PlacementFixtures {
  private PlacementFixtures() {}

  static List<VipAddress> vips(int count) {
    List<VipAddress> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(v4(10, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff));
    }
    return out;
  }

  static List<VipAddress> randomVips(Random random, int count) {
    java.util.Set<VipAddress> out = new java.util.LinkedHashSet<>();
    while (out.size() < count) {
      if (random.nextInt(4) == 0) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[0] = (byte) 0xfd;
        out.add(VipAddress.of(addr(b)));
      } else {
        out.add(v4(10, random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254)));
      }
    }
    return new ArrayList<>(out);
  }

  static List<NodeId> nodes(int count) {
    List<NodeId> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(NodeId.of("node-" + i));
    }
    return out;
  }

  static VipAddress v4(int a, int b, int c, int d) {
    return VipAddress.of(addr(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}));
  }

  private static InetAddress addr(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
