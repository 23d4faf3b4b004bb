// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.ndp;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.OptionalLong;

/** NA (type 136): announces who owns {@code target}; unsolicited with Override moves a VIP at once. */
public record NeighborAdvertisement(
    boolean router,
    boolean solicited,
    boolean override,
    Inet6Address target,
    OptionalLong targetLinkAddress)
    implements NdpMessage {
  public NeighborAdvertisement {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetLinkAddress, "targetLinkAddress");
  }

  /** Override=1, Solicited=0, with the target link-layer address option (RFC 4861 §7.2.6). */
  public static NeighborAdvertisement unsolicited(Inet6Address target, long mac) {
    return new NeighborAdvertisement(false, false, true, target, OptionalLong.of(mac));
  }

  @Override
  public byte[] encode() {
    int flags = (router ? 0x80 : 0) | (solicited ? 0x40 : 0) | (override ? 0x20 : 0);
    return NdpMessage.encode(TYPE_NA, flags, target, OPT_TARGET_LLA, targetLinkAddress);
  }
}
