// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import io.kubevip.linux.channel.FrameChannel;
import io.kubevip.linux.jna.PacketSocket;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.wire.arp.ArpPacket;
import java.net.Inet4Address;

/**
 * Sends gratuitous ARP for a VIP from one interface, so neighbours move their cache entry to this
 * node at once (without it a stale entry lasts about 47 s, see platform notes). Equivalent to:
 * {@code arping -U -c 1 -I $link $vip} (request form) or {@code arping -A ...} (reply form).
 */
public final class ArpSender implements AutoCloseable {
  private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

  /** Request ("who-has VIP tell VIP") or reply ("VIP is-at MAC"); some hosts only honour one. */
  public enum GarpForm {
    REQUEST,
    REPLY
  }

  private final FrameChannel channel;
  private final HardwareAddress mac;
  private final String linkName;
  private GarpForm next = GarpForm.REQUEST;

  private ArpSender(FrameChannel channel, HardwareAddress mac, String linkName) {
    this.channel = channel;
    this.mac = mac;
    this.linkName = linkName;
  }

  /** Opens an AF_PACKET socket on {@code link} in the calling thread's namespace. */
  public static ArpSender open(String link) {
    Link l;
    try (Netlink nl = Netlink.open()) {
      l = nl.link(link);
    }
    return new ArpSender(PacketSocket.open(l.index(), PacketSocket.ETH_P_ARP), l.address(), link);
  }

  public static ArpSender over(FrameChannel channel, HardwareAddress mac, String linkName) {
    return new ArpSender(channel, mac, linkName);
  }

  /** Sends one gratuitous ARP of the given form to ff:ff:ff:ff:ff:ff. */
  public void send(Inet4Address vip, GarpForm form) {
    RootGuard.check(channel.inRootNamespace(), "sending gratuitous ARP for " + vip.getHostAddress()
        + " on " + linkName);
    ArpPacket p = form == GarpForm.REQUEST
        ? ArpPacket.gratuitousRequest(mac.toLong(), vip)
        : ArpPacket.gratuitousReply(mac.toLong(), vip);
    channel.send(p.encode(), BROADCAST);
  }

  /** Sends the next form in turn (request, reply, request, ...) and returns the one sent. */
  public synchronized GarpForm announce(Inet4Address vip) {
    GarpForm form = next;
    send(vip, form);
    next = form == GarpForm.REQUEST ? GarpForm.REPLY : GarpForm.REQUEST;
    return form;
  }

  public HardwareAddress mac() {
    return mac;
  }

  @Override
  public void close() {
    channel.close();
  }
}
