// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.ndp;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.OptionalLong;

/** NS (type 135): "who has target?", used to probe whether someone else answers for a VIP. */
public record NeighborSolicitation(Inet6Address target, OptionalLong sourceLinkAddress)
    implements NdpMessage {
  public NeighborSolicitation {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceLinkAddress, "sourceLinkAddress");
  }

  /** The solicited-node multicast group ff02::1:ffXX:XXXX an NS for {@code target} goes to. */
  public static byte[] solicitedNodeGroup(Inet6Address target) {
    byte[] t = target.getAddress();
    byte[] g = new byte[16];
    g[0] = (byte) 0xff;
    g[1] = 0x02;
    g[11] = 0x01;
    g[12] = (byte) 0xff;
    g[13] = t[13];
    g[14] = t[14];
    g[15] = t[15];
    return g;
  }

  @Override
  public byte[] encode() {
    return NdpMessage.encode(TYPE_NS, 0, target, OPT_SOURCE_LLA, sourceLinkAddress);
  }
}
