// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.linux.ArpSender;
import io.kubevip.linux.NdpSender;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.jna.Icmpv6Socket;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.Link;

/**
 * The two sockets announcements for one interface need, opened together in one namespace. Closed as a pair when
 * the interface goes away or the announcer closes.
 */
final class InterfaceSenders implements AutoCloseable {
  final String name;
  final ArpSender arp;
  final NdpSender ndp;

  private InterfaceSenders(String name, ArpSender arp, NdpSender ndp) {
    this.name = name;
    this.arp = arp;
    this.ndp = ndp;
  }

  /**
   * Equivalent to looking up {@code ip link show dev $name} and opening an ARP packet socket and a raw ICMPv6
   * socket on it, in the calling thread's namespace.
   *
   * @throws IllegalArgumentException when the interface is not Ethernet (no MAC to announce)
   */
  static InterfaceSenders open(String name) {
    Link link;
    try (Netlink nl = Netlink.open()) {
      link = nl.link(name);
    }
    if (link.hardwareType() != Link.ARPHRD_ETHER || link.address() == null || link.address().bytes().length != 6) {
      throw new IllegalArgumentException("interface " + name + " is not Ethernet (hardware type "
          + link.hardwareType() + "): gratuitous ARP and NA need a 6-byte MAC");
    }
    PacketSocket packet = PacketSocket.open(link.index(), PacketSocket.ETH_P_ARP);
    try {
      ArpSender arp = ArpSender.over(packet, link.address(), name);
      NdpSender ndp = NdpSender.over(Icmpv6Socket.open(), link.index(), link.address(), name);
      return new InterfaceSenders(name, arp, ndp);
    } catch (RuntimeException e) {
      packet.close();
      throw e;
    }
  }

  /** Over existing senders, e.g. in-memory channels in tests. */
  static InterfaceSenders over(String name, ArpSender arp, NdpSender ndp) {
    return new InterfaceSenders(name, arp, ndp);
  }

  @Override
  public void close() {
    arp.close();
    ndp.close();
  }
}
