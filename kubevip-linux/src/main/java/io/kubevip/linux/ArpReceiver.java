// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.channel.Frame;
import io.kubevip.linux.channel.FrameChannel;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.arp.ArpPacket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * Receives ARP on one interface, so a duplicate detector can see another MAC answering for our VIP.
 * Equivalent to: {@code tcpdump -i $link arp}. Frames we sent ourselves and malformed packets are
 * skipped.
 */
public final class ArpReceiver implements AutoCloseable {
  /** One ARP packet and the Ethernet source it arrived from. */
  public record Received(ArpPacket packet, HardwareAddress frameSource) {}

  private final FrameChannel channel;

  private ArpReceiver(FrameChannel channel) {
    this.channel = channel;
  }

  /** Opens an AF_PACKET socket for ETH_P_ARP on {@code link} in the calling thread's namespace. */
  public static ArpReceiver open(String link) {
    int index;
    try (Netlink nl = Netlink.open()) {
      index = nl.link(link).index();
    }
    return new ArpReceiver(PacketSocket.open(index, PacketSocket.ETH_P_ARP));
  }

  public static ArpReceiver over(FrameChannel channel) {
    return new ArpReceiver(channel);
  }

  /** Waits up to {@code timeout} for the next valid incoming ARP packet. */
  public Optional<Received> receive(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Optional<Frame> f = channel.receive(Duration.ofNanos(left));
      if (f.isEmpty()) {
        return Optional.empty();
      }
      if (f.get().packetType() == Frame.PACKET_OUTGOING) {
        continue;
      }
      try {
        ArpPacket p = ArpPacket.parse(ByteBuffer.wrap(f.get().payload()));
        return Optional.of(new Received(p, new HardwareAddress(f.get().sourceMac())));
      } catch (WireFormatException notArp) {
        // not Ethernet/IPv4 ARP: nothing a duplicate detector can use
      }
    }
  }

  @Override
  public void close() {
    channel.close();
  }
}
