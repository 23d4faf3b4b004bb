// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.IpLiterals;
import java.util.List;

/**
 * Which pool addresses may be handed out. Two sources: kube-vip-cloud-provider never hands out an IPv4 address
 * ending in .0 or .255 (pkg/ipam, "assumed gateway or broadcast"), whatever the pool; and
 * {@link io.kubevip.domain.address.VipAddress} refuses multicast, loopback, unspecified, link-local IPv6 and
 * IPv4-mapped IPv6, so a wide pool such as {@code 0.0.0.0/0} must step over those blocks (in one jump, not one
 * address at a time: {@code ff00::/8} is 2^120 addresses).
 */
final class AddressRules {
  record Block(String name, AddressRange range) {}

  private static final List<Block> BLOCKS = List.of(
      block("unspecified", "0.0.0.0", 32),
      block("loopback", "127.0.0.0", 8),
      block("multicast", "224.0.0.0", 4),
      block("unspecified", "::", 128),
      block("loopback", "::1", 128),
      block("IPv4-mapped", "::ffff:0:0", 96),
      block("link-local", "fe80::", 10),
      block("multicast", "ff00::", 8));

  private AddressRules() {}

  /** True when the allocator may hand out {@code v}. */
  static boolean allocatable(AddressValue v) {
    return !skippedByCloudProvider(v) && blockOf(v) == null;
  }

  /** The cloud-provider rule: IPv4 .0 and .255 are never allocated. */
  static boolean skippedByCloudProvider(AddressValue v) {
    return v.family() == IpFamily.IPV4 && (v.lastOctet() == 0 || v.lastOctet() == 255);
  }

  /** True when {@code v} can be a VIP at all, mirroring VipAddress's checks without building an InetAddress. */
  static boolean usable(AddressValue v) {
    return blockOf(v) == null;
  }

  /** The special block {@code v} lies in, or null when it is an ordinary address. */
  static Block blockOf(AddressValue v) {
    for (Block b : BLOCKS) {
      if (b.range().contains(v)) {
        return b;
      }
    }
    return null;
  }

  /** True when some special block intersects {@code r}; most pools touch none, so their scan skips the check. */
  static boolean overlapsBlock(AddressRange r) {
    for (Block b : BLOCKS) {
      if (b.range().first().compareTo(r.last()) <= 0 && r.first().compareTo(b.range().last()) <= 0) {
        return true;
      }
    }
    return false;
  }

  private static Block block(String name, String address, int prefix) {
    // ::ffff:0:0 parses to an IPv4 address in the JDK; build that block's bounds by hand.
    AddressValue base = address.equals("::ffff:0:0")
        ? new AddressValue(IpFamily.IPV6, 0, 0xffff_0000_0000L)
        : AddressValue.of(IpLiterals.parse(address).orElseThrow());
    return new Block(name, new AddressRange(base.networkStart(prefix), base.networkEnd(prefix)));
  }
}
