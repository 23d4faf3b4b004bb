// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;

/**
 * RFC 2918 ROUTE-REFRESH: the peer asks for our routes of one family again. {@code subtype} is RFC 7313's
 * (0 = normal request), the octet RFC 2918 calls reserved.
 */
public record RouteRefresh(AfiSafi family, int subtype) implements BgpMessage {
  public RouteRefresh {
    if (subtype < 0 || subtype > 255) {
      throw new IllegalArgumentException("ROUTE-REFRESH subtype must be 0..255, was " + subtype);
    }
  }

  public RouteRefresh(AfiSafi family) {
    this(family, 0);
  }

  @Override
  public int type() {
    return TYPE_ROUTE_REFRESH;
  }

  @Override
  public byte[] encode(AsFormat format) {
    ByteBuffer b = ByteBuffer.allocate(4);
    b.putShort((short) family.afi()).put((byte) subtype).put((byte) family.safi()).flip();
    return Framing.frame(TYPE_ROUTE_REFRESH, b);
  }

  static RouteRefresh decode(ByteBuffer body, ByteBuffer whole) throws BgpDecodeException {
    if (body.remaining() != 4) {
      byte[] data = new byte[whole.remaining()];
      whole.get(data);
      throw BgpDecodeException.reset(ErrorCodes.ROUTE_REFRESH_MESSAGE, ErrorCodes.INVALID_MESSAGE_LENGTH, data,
          "ROUTE-REFRESH body of " + body.remaining() + " octets, expected 4");
    }
    int afi = body.getShort() & 0xffff;
    int subtype = body.get() & 0xff;
    int safi = body.get() & 0xff;
    return new RouteRefresh(new AfiSafi(afi, safi), subtype);
  }
}
