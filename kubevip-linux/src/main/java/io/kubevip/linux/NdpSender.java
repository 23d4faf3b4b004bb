// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.channel.Icmpv6Channel;
import io.kubevip.linux.jna.Icmpv6Socket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.wire.InetBytes;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import io.kubevip.linux.wire.ndp.NeighborSolicitation;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Sends unsolicited Neighbor Advertisements (the IPv6 gratuitous ARP) and Neighbor Solicitations.
 * There is no iproute2 equivalent; {@code ndisc_notify} sends nothing for {@code nodad} addresses,
 * which is why userspace does it (platform notes §2).
 */
public final class NdpSender implements AutoCloseable {
  private static final Inet6Address ALL_NODES =
      InetBytes.v6(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

  private final Icmpv6Channel channel;
  private final int linkIndex;
  private final HardwareAddress mac;
  private final String linkName;

  private NdpSender(Icmpv6Channel channel, int linkIndex, HardwareAddress mac, String linkName) {
    this.channel = channel;
    this.linkIndex = linkIndex;
    this.mac = mac;
    this.linkName = linkName;
  }

  /** Opens a raw ICMPv6 socket for {@code link} in the calling thread's namespace. */
  public static NdpSender open(String link) {
    Link l;
    try (Netlink nl = Netlink.open()) {
      l = nl.link(link);
    }
    return new NdpSender(Icmpv6Socket.open(), l.index(), l.address(), link);
  }

  public static NdpSender over(Icmpv6Channel channel, int linkIndex, HardwareAddress mac, String linkName) {
    return new NdpSender(channel, linkIndex, mac, linkName);
  }

  /** One NA to ff02::1: Override=1, Solicited=0, with our MAC as target link-layer address. */
  public void sendUnsolicitedAdvertisement(Inet6Address target) {
    guard("sending unsolicited NA for " + target.getHostAddress());
    channel.send(NeighborAdvertisement.unsolicited(target, mac.toLong()).encode(), ALL_NODES, linkIndex);
  }

  /**
   * Sends {@code count} unsolicited NAs {@code interval} apart (blocking), so one lost packet does
   * not leave neighbours on the old owner.
   */
  public void announce(Inet6Address target, int count, Duration interval) throws InterruptedException {
    if (count < 1) {
      throw new IllegalArgumentException("NA burst count must be at least 1, was " + count);
    }
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        Thread.sleep(interval.toMillis());
      }
      sendUnsolicitedAdvertisement(target);
    }
  }

  /** An NS for {@code target} to its solicited-node group, to probe whether anyone owns it. */
  public void sendNeighborSolicitation(Inet6Address target) {
    guard("sending NS for " + target.getHostAddress());
    Inet6Address group = InetBytes.v6(NeighborSolicitation.solicitedNodeGroup(target));
    channel.send(new NeighborSolicitation(target, OptionalLong.of(mac.toLong())).encode(), group, linkIndex);
  }

  private void guard(String operation) {
    RootGuard.check(channel.inRootNamespace(), operation + " on " + linkName);
  }

  @Override
  public void close() {
    channel.close();
  }
}
