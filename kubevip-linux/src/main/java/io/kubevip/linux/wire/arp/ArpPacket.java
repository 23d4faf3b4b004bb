// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.arp;

import io.kubevip.linux.wire.InetBytes;
import io.kubevip.linux.wire.WireFormatException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An Ethernet/IPv4 ARP packet as an AF_PACKET SOCK_DGRAM socket sends and receives it (no Ethernet
 * header). MACs are the low 48 bits of a long.
 *
 * <pre>
 * 0  htype  (2) = 1 Ethernet      6  op  (2) 1 request, 2 reply
 * 2  ptype  (2) = 0x0800 IPv4     8  sha (6)   14 spa (4)
 * 4  hlen   (1) = 6, plen (1) = 4 18 tha (6)   24 tpa (4)
 * </pre>
 */
public record ArpPacket(
    int operation, long senderMac, Inet4Address senderIp, long targetMac, Inet4Address targetIp) {
  public static final int SIZE = 28;
  public static final int OP_REQUEST = 1;
  public static final int OP_REPLY = 2;
  public static final long BROADCAST = 0xffff_ffff_ffffL;
  private static final int HTYPE_ETHERNET = 1;
  private static final int PTYPE_IPV4 = 0x0800;
  private static final long MAC_MASK = 0xffff_ffff_ffffL;

  public ArpPacket {
    if (operation != OP_REQUEST && operation != OP_REPLY) {
      throw new IllegalArgumentException("ARP operation must be 1 (request) or 2 (reply), was " + operation);
    }
    if ((senderMac & ~MAC_MASK) != 0 || (targetMac & ~MAC_MASK) != 0) {
      throw new IllegalArgumentException("MAC addresses must fit in 48 bits");
    }
    Objects.requireNonNull(senderIp, "senderIp");
    Objects.requireNonNull(targetIp, "targetIp");
  }

  /**
   * Gratuitous ARP request: "who-has VIP tell VIP", target MAC broadcast, as {@code arping -U} sends.
   */
  public static ArpPacket gratuitousRequest(long mac, Inet4Address vip) {
    return new ArpPacket(OP_REQUEST, mac, vip, BROADCAST, vip);
  }

  /**
   * Gratuitous ARP reply: "VIP is-at mac" with target MAC = sender MAC, which Linux counts as a
   * gratuitous reply (net/ipv4/arp.c {@code is_garp}) and so overrides the entry at once.
   */
  public static ArpPacket gratuitousReply(long mac, Inet4Address vip) {
    return new ArpPacket(OP_REPLY, mac, vip, mac, vip);
  }

  /** True when sender and target IP are the same address (RFC 5227 announcement). */
  public boolean isGratuitous() {
    return senderIp.equals(targetIp);
  }

  public byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(SIZE);
    b.putShort((short) HTYPE_ETHERNET).putShort((short) PTYPE_IPV4).put((byte) 6).put((byte) 4);
    b.putShort((short) operation);
    b.put(InetBytes.macBytes(senderMac)).put(senderIp.getAddress());
    b.put(InetBytes.macBytes(targetMac)).put(targetIp.getAddress());
    return b.array();
  }

  /** Decodes one packet; trailing Ethernet padding is ignored. */
  public static ArpPacket parse(ByteBuffer in) {
    WireFormatException.require(in.remaining(), SIZE, "ARP packet");
    byte[] b = new byte[SIZE];
    in.get(b);
    ByteBuffer h = ByteBuffer.wrap(b);
    int htype = h.getShort() & 0xffff;
    int ptype = h.getShort() & 0xffff;
    int hlen = h.get() & 0xff;
    int plen = h.get() & 0xff;
    int op = h.getShort() & 0xffff;
    if (htype != HTYPE_ETHERNET || ptype != PTYPE_IPV4 || hlen != 6 || plen != 4) {
      throw new WireFormatException(
          "ARP packet: expected Ethernet/IPv4 (1/0x0800/6/4), got "
              + htype + "/0x" + Integer.toHexString(ptype) + "/" + hlen + "/" + plen);
    }
    if (op != OP_REQUEST && op != OP_REPLY) {
      throw new WireFormatException("ARP packet: operation " + op + " is neither request nor reply");
    }
    return new ArpPacket(
        op,
        InetBytes.macLong(b, 8),
        InetBytes.v4(java.util.Arrays.copyOfRange(b, 14, 18)),
        InetBytes.macLong(b, 18),
        InetBytes.v4(java.util.Arrays.copyOfRange(b, 24, 28)));
  }
}
