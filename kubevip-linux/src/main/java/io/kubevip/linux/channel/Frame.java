// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.channel;

import java.util.Arrays;

/**
 * One received link-layer payload (SOCK_DGRAM: the Ethernet header is already stripped).
 *
 * @param sourceMac sll_addr of the sender (6 bytes on Ethernet)
 * @param packetType sll_pkttype: 0 to us, 1 broadcast, 2 multicast, 3 other host, 4 outgoing
 */
public record Frame(byte[] payload, byte[] sourceMac, int linkIndex, int packetType) {
  public static final int PACKET_OUTGOING = 4;

  public Frame {
    payload = payload.clone();
    sourceMac = sourceMac.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public byte[] sourceMac() {
    return sourceMac.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f
        && Arrays.equals(f.payload, payload)
        && Arrays.equals(f.sourceMac, sourceMac)
        && f.linkIndex == linkIndex
        && f.packetType == packetType;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(payload) * 31 + linkIndex;
  }
}
