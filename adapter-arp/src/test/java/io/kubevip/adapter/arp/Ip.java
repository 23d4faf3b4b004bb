// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.testkit.netns.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads kernel state through iproute2 ({@code ip -j}), a reader independent of our netlink code. */
final class Ip {
  private Ip() {}

  /** The addr_info entry for {@code cidr} on {@code dev}, e.g. keys local, prefixlen, scope, nodad, dadfailed. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> address(Topology t, String role, String dev, String cidr) {
    return t.ipJson(role, "addr", "show", "dev", dev).stream()
        .flatMap(l -> ((List<Map<String, Object>>) l.get("addr_info")).stream())
        .filter(a -> cidr.equals(a.get("local") + "/" + a.get("prefixlen")))
        .findFirst();
  }

  static boolean has(Topology t, String role, String dev, String cidr) {
    return address(t, role, dev, cidr).isPresent();
  }

  /** The MAC in {@code role}'s neighbour table for {@code ip} on eth0, or null. */
  static String neighbourMac(Topology t, String role, String ip) {
    return t.ipJson(role, "neigh", "show", "to", ip, "dev", "eth0").stream()
        .map(n -> (String) n.get("lladdr"))
        .findFirst()
        .orElse(null);
  }

  /** {@code ip addr del} that does not fail when the address is absent. */
  static void deleteQuietly(Topology t, String role, String dev, String cidr) {
    t.exec(role, "ip", "addr", "del", cidr, "dev", dev);
  }
}
