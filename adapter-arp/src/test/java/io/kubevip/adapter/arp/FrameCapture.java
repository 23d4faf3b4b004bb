// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.linux.Netlink;
import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.arp.ArpPacket;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import io.kubevip.testkit.netns.Topology;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches eth0 of one role for gratuitous ARP and unsolicited NA, like {@code tcpdump -i eth0 arp or icmp6}
 * would, so announcements are checked by what arrives at another host rather than by the sender's counters.
 */
final class FrameCapture implements AutoCloseable {
  /** One announcement seen: the address, "request"/"reply"/"na" and the Ethernet source. */
  record Seen(InetAddress address, String kind, String sourceMac) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final PacketSocket arp;
  private final PacketSocket ipv6;
  private final List<Thread> readers;
  private volatile boolean running = true;

  FrameCapture(Topology t, String role) {
    int index = t.namespace(role).call(() -> {
      try (Netlink nl = Netlink.open()) {
        return nl.link("eth0").index();
      }
    });
    arp = t.namespace(role).call(() -> PacketSocket.open(index, PacketSocket.ETH_P_ARP));
    ipv6 = t.namespace(role).call(() -> PacketSocket.open(index, NdpFrames.ETH_P_IPV6));
    readers = List.of(reader(arp, this::onArp), reader(ipv6, this::onIpv6));
  }

  private Thread reader(PacketSocket socket, java.util.function.Consumer<Frame> handler) {
    Thread th = new Thread(() -> {
      while (running) {
        Optional<Frame> f = socket.receive(Duration.ofMillis(50));
        f.filter(x -> x.packetType() != Frame.PACKET_OUTGOING).ifPresent(handler);
      }
    }, "frame-capture");
    th.setDaemon(true);
    th.start();
    return th;
  }

  private void onArp(Frame f) {
    try {
      ArpPacket p = ArpPacket.parse(ByteBuffer.wrap(f.payload()));
      if (p.isGratuitous()) {
        seen.add(new Seen(p.senderIp(), p.operation() == ArpPacket.OP_REQUEST ? "request" : "reply", mac(f)));
      }
    } catch (WireFormatException ignored) {
      // not Ethernet/IPv4 ARP
    }
  }

  private void onIpv6(Frame f) {
    NdpFrames.parse(f.payload())
        .filter(m -> m instanceof NeighborAdvertisement na && !na.solicited() && na.override())
        .ifPresent(m -> seen.add(new Seen(m.target(), "na", mac(f))));
  }

  private static String mac(Frame f) {
    return new HardwareAddress(java.util.Arrays.copyOf(f.sourceMac(), 6)).toString();
  }

  List<Seen> seen(InetAddress address) {
    return seen.stream().filter(s -> s.address().equals(address)).toList();
  }

  @Override
  public void close() {
    running = false;
    for (Thread th : readers) {
      try {
        th.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    arp.close();
    ipv6.close();
  }
}
