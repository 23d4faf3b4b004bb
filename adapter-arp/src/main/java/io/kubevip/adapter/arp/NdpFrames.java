// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.linux.wire.WireFormatException;
import io.kubevip.linux.wire.ndp.NdpMessage;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Picks NDP messages out of IPv6 packets as an AF_PACKET SOCK_DGRAM socket for ETH_P_IPV6 delivers them (no
 * Ethernet header). Only packets whose next header is ICMPv6 and whose hop limit is 255 count (RFC 4861 §7.1.2:
 * anything else may have been forwarded from off the link).
 *
 * <pre>
 * 0 version(4 bits)...  4 payload length (2)  6 next header (1) = 58  7 hop limit (1)  8 source (16)  24 dest (16)
 * </pre>
 */
final class NdpFrames {
  static final int ETH_P_IPV6 = 0x86dd;
  private static final int HEADER = 40;
  private static final int ICMPV6 = 58;

  private NdpFrames() {}

  static Optional<NdpMessage> parse(byte[] packet) {
    if (packet.length < HEADER || (packet[0] & 0xf0) != 0x60 || (packet[6] & 0xff) != ICMPV6
        || (packet[7] & 0xff) != 255) {
      return Optional.empty();
    }
    int payload = ((packet[4] & 0xff) << 8) | (packet[5] & 0xff);
    int length = Math.min(payload, packet.length - HEADER);
    try {
      return Optional.of(NdpMessage.parse(ByteBuffer.wrap(packet, HEADER, length)));
    } catch (WireFormatException | IllegalArgumentException notNdp) {
      return Optional.empty();
    }
  }
}
