// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The RFC 4271 §4.1 header: 16 marker octets of 0xff, 2-octet length, 1-octet type. */
final class Framing {
  private Framing() {}

  static int checkHeader(ByteBuffer header) throws BgpDecodeException {
    if (header.remaining() < BgpMessage.HEADER_LENGTH) {
      throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.BAD_MESSAGE_LENGTH, new byte[0],
          "header needs 19 octets, " + header.remaining() + " present");
    }
    int p = header.position();
    for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
      if (header.get(p + i) != (byte) 0xff) {
        throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.CONNECTION_NOT_SYNCHRONIZED,
            new byte[0], "marker octet " + i + " is 0x" + Integer.toHexString(header.get(p + i) & 0xff)
                + ", expected 0xff");
      }
    }
    int length = header.getShort(p + 16) & 0xffff;
    int type = header.get(p + 18) & 0xff;
    byte[] lengthField = {header.get(p + 16), header.get(p + 17)};
    if (length < BgpMessage.HEADER_LENGTH || length > BgpMessage.MAX_LENGTH) {
      throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.BAD_MESSAGE_LENGTH, lengthField,
          "length " + length + " outside 19..4096");
    }
    int min;
    switch (type) {
      case BgpMessage.TYPE_OPEN: min = 29; break;
      case BgpMessage.TYPE_UPDATE: min = 23; break;
      case BgpMessage.TYPE_NOTIFICATION: min = 21; break;
      case BgpMessage.TYPE_KEEPALIVE: min = 19; break;
      case BgpMessage.TYPE_ROUTE_REFRESH: min = 19; break; // RFC 7313 §5: length errors are type 7 errors
      default:
        throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.BAD_MESSAGE_TYPE,
            new byte[] {(byte) type}, "message type " + type + " unknown");
    }
    if (length < min || (type == BgpMessage.TYPE_KEEPALIVE && length != 19)) {
      throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.BAD_MESSAGE_LENGTH, lengthField,
          "length " + length + " invalid for message type " + type);
    }
    return length;
  }

  static BgpMessage parse(ByteBuffer in, AsFormat format) throws BgpDecodeException {
    int length = checkHeader(in);
    if (in.remaining() < length) {
      int have = in.remaining();
      in.position(in.limit());
      throw BgpDecodeException.reset(ErrorCodes.MESSAGE_HEADER, ErrorCodes.BAD_MESSAGE_LENGTH,
          new byte[] {(byte) (length >> 8), (byte) length}, "message of " + length + " octets truncated at " + have);
    }
    int type = in.get(in.position() + 18) & 0xff;
    ByteBuffer whole = in.slice(in.position(), length).order(ByteOrder.BIG_ENDIAN);
    ByteBuffer body = in.slice(in.position() + BgpMessage.HEADER_LENGTH, length - BgpMessage.HEADER_LENGTH)
        .order(ByteOrder.BIG_ENDIAN);
    in.position(in.position() + length);
    switch (type) {
      case BgpMessage.TYPE_OPEN: return Open.decode(body);
      case BgpMessage.TYPE_UPDATE: return Update.decode(body, format);
      case BgpMessage.TYPE_NOTIFICATION: return Notification.decode(body);
      case BgpMessage.TYPE_KEEPALIVE: return Keepalive.INSTANCE;
      default: return RouteRefresh.decode(body, whole);
    }
  }

  /** Prepends the header to {@code body}. */
  static byte[] frame(int type, ByteBuffer body) {
    int length = BgpMessage.HEADER_LENGTH + body.remaining();
    if (length > BgpMessage.MAX_LENGTH) {
      throw new IllegalArgumentException("message type " + type + " would be " + length
          + " octets, more than the " + BgpMessage.MAX_LENGTH + " RFC 4271 allows; split it");
    }
    byte[] out = new byte[length];
    Arrays.fill(out, 0, BgpMessage.MARKER_LENGTH, (byte) 0xff);
    out[16] = (byte) (length >> 8);
    out[17] = (byte) length;
    out[18] = (byte) type;
    body.get(out, BgpMessage.HEADER_LENGTH, body.remaining());
    return out;
  }

  /** A big-endian scratch buffer for building a body; {@link #frame} takes it flipped. */
  static ByteBuffer scratch() {
    return ByteBuffer.allocate(2 * BgpMessage.MAX_LENGTH).order(ByteOrder.BIG_ENDIAN);
  }
}
