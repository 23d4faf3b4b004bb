// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.linux.NdpSender;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.jna.Icmpv6Socket;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.wire.InetBytes;
import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.arp.ArpPacket;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.PortException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Probes the link for other owners of a VIP. IPv4: an RFC 5227 ARP probe ("who-has VIP tell 0.0.0.0", target MAC
 * zero) which every Linux host holding the address answers (net/ipv4/arp.c answers {@code sip == 0} requests for a
 * local address) without learning anything from it, so no cache anywhere changes. IPv6: a Neighbor Solicitation to
 * the VIP's solicited-node group from our link-local address; holders answer with a Neighbor Advertisement.
 * Answers are collected on an AF_PACKET socket opened before the probe leaves, for the whole window; our own MAC
 * is never reported.
 *
 * <p>{@link #monitor} listens passively for gratuitous ARP, ARP replies and NAs from other MACs claiming a VIP.
 *
 * <p>Each probe opens and closes its sockets (in the namespace given at construction, or the caller's), so probes
 * from several threads do not interfere. A probe blocks for its window.
 */
public final class LinuxDuplicateDetector implements DuplicateAddressPort {
  private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
  private static final Duration MAX_WINDOW = Duration.ofSeconds(10);

  private final Opener opener;

  private LinuxDuplicateDetector(Opener opener) {
    this.opener = opener;
  }

  /** Probes from the calling thread's network namespace. */
  public static LinuxDuplicateDetector open() {
    return new LinuxDuplicateDetector(Opener.here());
  }

  /** Probes from {@code namespace} whichever thread calls (lab and tests). */
  public static LinuxDuplicateDetector openIn(NetNamespace namespace) {
    return new LinuxDuplicateDetector(Opener.in(namespace));
  }

  @Override
  public Monitor monitor(InterfaceName iface, Set<VipAddress> vips, ConflictListener listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    String doing = "monitoring " + vips + " on " + iface + " for other owners";
    try {
      Link link = ethernet(iface, doing);
      PacketSocket arp = opener.open(() -> PacketSocket.open(link.index(), PacketSocket.ETH_P_ARP));
      PacketSocket ipv6;
      try {
        ipv6 = opener.open(() -> PacketSocket.open(link.index(), NdpFrames.ETH_P_IPV6));
      } catch (RuntimeException e) {
        arp.close();
        throw e;
      }
      return new ConflictMonitor(iface, Set.copyOf(vips), link.address().toLong(), arp, ipv6, listener);
    } catch (LinuxException e) {
      throw new PortException(doing + ": " + e.getMessage(), e);
    }
  }

  private Link ethernet(InterfaceName iface, String doing) {
    Link link = opener.open(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.link(iface.name());
      }
    });
    if (link.hardwareType() != Link.ARPHRD_ETHER || link.address().bytes().length != 6) {
      throw new PortException(doing + ": interface is not Ethernet (hardware type " + link.hardwareType() + ")");
    }
    return link;
  }

  @Override
  public Set<String> probe(VipAddress vip, InterfaceName iface, Duration window) {
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("probe window must be more than 0 and at most 10s, was " + window);
    }
    String doing = "probing for other owners of " + vip + " on " + iface;
    try {
      Link link = ethernet(iface, doing);
      return vip.family() == IpFamily.IPV4 ? arp(vip, link, window) : ndp(vip, link, window);
    } catch (LinuxException e) {
      throw new PortException(doing + ": " + e.getMessage(), e);
    }
  }

  private Set<String> arp(VipAddress vip, Link link, Duration window) {
    Inet4Address target = (Inet4Address) vip.address();
    long own = link.address().toLong();
    Set<String> owners = new TreeSet<>();
    try (PacketSocket socket = opener.open(() -> PacketSocket.open(link.index(), PacketSocket.ETH_P_ARP))) {
      ArpPacket probe = new ArpPacket(ArpPacket.OP_REQUEST, own, InetBytes.v4(new byte[4]), 0L, target);
      socket.send(probe.encode(), BROADCAST);
      collect(socket, window, f -> {
        ArpPacket p = ArpPacket.parse(ByteBuffer.wrap(f.payload()));
        return p.senderIp().equals(target) && p.senderMac() != own
            ? Optional.of(HardwareAddress.ofLong(p.senderMac()).toString()) : Optional.empty();
      }, owners);
    }
    return Set.copyOf(owners);
  }

  private Set<String> ndp(VipAddress vip, Link link, Duration window) {
    Inet6Address target = (Inet6Address) vip.address();
    long own = link.address().toLong();
    Set<String> owners = new TreeSet<>();
    try (PacketSocket socket = opener.open(() -> PacketSocket.open(link.index(), NdpFrames.ETH_P_IPV6));
        NdpSender ns = opener.open(() -> NdpSender.over(Icmpv6Socket.open(), link.index(), link.address(),
            link.name()))) {
      ns.sendNeighborSolicitation(target);
      collect(socket, window, f -> NdpFrames.parse(f.payload())
          .filter(m -> m instanceof NeighborAdvertisement && m.target().equals(target))
          .map(m -> ((NeighborAdvertisement) m).targetLinkAddress()
              .orElse(new HardwareAddress(java.util.Arrays.copyOf(f.sourceMac(), 6)).toLong()))
          .filter(mac -> mac != own)
          .map(mac -> HardwareAddress.ofLong(mac).toString()), owners);
    }
    return Set.copyOf(owners);
  }

  private static void collect(PacketSocket socket, Duration window,
      java.util.function.Function<Frame, Optional<String>> owner, Set<String> into) {
    long deadline = System.nanoTime() + window.toNanos();
    for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      Optional<Frame> f = socket.receive(Duration.ofNanos(Math.max(left, 1_000_000)));
      if (f.isEmpty() || f.get().packetType() == Frame.PACKET_OUTGOING) {
        continue;
      }
      try {
        owner.apply(f.get()).ifPresent(into::add);
      } catch (WireFormatException | IllegalArgumentException notOurs) {
        // some other frame on the wire
      }
    }
  }
}
