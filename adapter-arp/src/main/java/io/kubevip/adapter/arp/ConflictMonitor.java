// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.arp.ArpPacket;
import io.kubevip.linux.wire.ndp.NeighborAdvertisement;
import io.kubevip.ports.out.DuplicateAddressPort;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive duplicate detection on one interface: one reader thread per socket (ARP, IPv6) reports any ARP packet
 * whose sender IP is a monitored VIP, and any NA whose target is one, unless it comes from our own MAC. A request
 * asking for the VIP says nothing about ownership and is ignored; so is the RFC 5227 probe (sender IP 0.0.0.0).
 */
final class ConflictMonitor implements DuplicateAddressPort.Monitor {
  private static final Logger LOG = LoggerFactory.getLogger(ConflictMonitor.class);
  /** How often readers wake up to notice {@link #close()}. */
  private static final Duration POLL = Duration.ofMillis(100);

  private final InterfaceName iface;
  private final Map<InetAddress, VipAddress> vips = new HashMap<>();
  private final long ownMac;
  private final DuplicateAddressPort.ConflictListener listener;
  private final List<Thread> readers;
  private volatile boolean running = true;

  ConflictMonitor(InterfaceName iface, Set<VipAddress> monitored, long ownMac, PacketSocket arp, PacketSocket ipv6,
      DuplicateAddressPort.ConflictListener listener) {
    this.iface = iface;
    monitored.forEach(v -> vips.put(v.address(), v));
    this.ownMac = ownMac;
    this.listener = listener;
    this.readers = List.of(reader(arp, this::onArp, "arp"), reader(ipv6, this::onIpv6, "ndp"));
  }

  private Thread reader(PacketSocket socket, java.util.function.Function<Frame, Optional<Claim>> decode, String kind) {
    Thread t = new Thread(() -> {
      try {
        while (running) {
          Optional<Frame> f = socket.receive(POLL);
          if (f.isPresent() && f.get().packetType() != Frame.PACKET_OUTGOING) {
            decode.apply(f.get()).filter(c -> c.mac != ownMac).ifPresent(this::report);
          }
        }
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("conflict monitor ({}) on {} stopped: {}", kind, iface, e.getMessage());
        }
      } finally {
        socket.close(); // only this thread reads the descriptor, so no fd is reused under a read
      }
    }, "kubevip-conflicts-" + kind + "-" + iface);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private record Claim(VipAddress vip, long mac) {}

  private Optional<Claim> onArp(Frame f) {
    try {
      ArpPacket p = ArpPacket.parse(ByteBuffer.wrap(f.payload()));
      VipAddress vip = vips.get(p.senderIp());
      return vip == null ? Optional.empty() : Optional.of(new Claim(vip, p.senderMac()));
    } catch (WireFormatException notArp) {
      return Optional.empty();
    }
  }

  private Optional<Claim> onIpv6(Frame f) {
    return NdpFrames.parse(f.payload())
        .filter(m -> m instanceof NeighborAdvertisement && vips.containsKey(m.target()))
        .map(m -> new Claim(vips.get(m.target()), ((NeighborAdvertisement) m).targetLinkAddress()
            .orElse(new HardwareAddress(Arrays.copyOf(f.sourceMac(), 6)).toLong())));
  }

  private void report(Claim c) {
    if (!running) {
      return;
    }
    try {
      listener.conflict(c.vip, iface, HardwareAddress.ofLong(c.mac).toString());
    } catch (RuntimeException e) {
      LOG.warn("conflict listener failed for {} on {}", c.vip, iface, e);
    }
  }

  /** Stops both readers (within about 100 ms); they close their sockets. */
  @Override
  public void close() {
    running = false;
    if (readers.contains(Thread.currentThread())) {
      return;
    }
    for (Thread t : readers) {
      try {
        t.join(Duration.ofSeconds(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
