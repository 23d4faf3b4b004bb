// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.ndp;

import io.kubevip.linux.wire.InetBytes;
import io.kubevip.linux.wire.WireFormatException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The NDP messages we send and watch for, as the ICMPv6 body a raw socket carries (the kernel fills in
 * the checksum, so it is written as zero and ignored on decode).
 *
 * <pre>
 * 0 type (1)  1 code (1) = 0  2 checksum (2)  4 flags/reserved (4)  8 target (16)  24 options
 * option: type (1)  length (1, units of 8 bytes)  data; 1 = source, 2 = target link-layer address
 * </pre>
 */
public sealed interface NdpMessage permits NeighborSolicitation, NeighborAdvertisement {
  int TYPE_NS = 135;
  int TYPE_NA = 136;
  int OPT_SOURCE_LLA = 1;
  int OPT_TARGET_LLA = 2;
  int HEADER = 24;

  Inet6Address target();

  byte[] encode();

  /** Decodes NS or NA; any other ICMPv6 type is a decode error. */
  static NdpMessage parse(ByteBuffer in) {
    WireFormatException.require(in.remaining(), HEADER, "NDP message");
    byte[] h = new byte[HEADER];
    in.get(h);
    int type = h[0] & 0xff;
    int code = h[1] & 0xff;
    if (code != 0) {
      throw new WireFormatException("NDP message: code must be 0, was " + code);
    }
    Inet6Address target = InetBytes.v6(Arrays.copyOfRange(h, 8, 24));
    OptionalLong lla = OptionalLong.empty();
    int wanted = type == TYPE_NS ? OPT_SOURCE_LLA : OPT_TARGET_LLA;
    while (in.remaining() >= 2) {
      int optType = in.get() & 0xff;
      int optLen = (in.get() & 0xff) * 8;
      if (optLen == 0) {
        throw new WireFormatException("NDP option " + optType + ": length 0 is invalid (RFC 4861)");
      }
      WireFormatException.require(in.remaining(), optLen - 2, "NDP option " + optType);
      byte[] data = new byte[optLen - 2];
      in.get(data);
      if (optType == wanted && data.length >= 6 && lla.isEmpty()) {
        lla = OptionalLong.of(InetBytes.macLong(data, 0));
      }
    }
    if (type == TYPE_NS) {
      return new NeighborSolicitation(target, lla);
    }
    if (type == TYPE_NA) {
      int flags = h[4] & 0xff;
      return new NeighborAdvertisement(
          (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, target, lla);
    }
    throw new WireFormatException("NDP message: ICMPv6 type " + type + " is neither NS (135) nor NA (136)");
  }

  /** Shared encoder: header with the given first flag byte, target and an optional LLA option. */
  static byte[] encode(int type, int flagByte, Inet6Address target, int optType, OptionalLong mac) {
    ByteBuffer b = ByteBuffer.allocate(HEADER + (mac.isPresent() ? 8 : 0));
    b.put((byte) type).put((byte) 0).putShort((short) 0);
    b.put((byte) flagByte).put((byte) 0).putShort((short) 0);
    b.put(target.getAddress());
    if (mac.isPresent()) {
      b.put((byte) optType).put((byte) 1).put(InetBytes.macBytes(mac.getAsLong()));
    }
    return b.array();
  }
}
