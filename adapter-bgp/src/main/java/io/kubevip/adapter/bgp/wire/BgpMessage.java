// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;

/**
 * One BGP-4 message (RFC 4271 §4). Decoding is one entry point that either returns a valid message or throws
 * {@link BgpDecodeException}; nothing else escapes, which the fuzz tests hold it to.
 */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {
  int MARKER_LENGTH = 16;
  int HEADER_LENGTH = 19;
  /** RFC 4271 §4.1: no message is longer (RFC 8654 extended messages are not negotiated). */
  int MAX_LENGTH = 4096;
  int TYPE_OPEN = 1;
  int TYPE_UPDATE = 2;
  int TYPE_NOTIFICATION = 3;
  int TYPE_KEEPALIVE = 4;
  int TYPE_ROUTE_REFRESH = 5;

  /** The header's type octet. */
  int type();

  /** Header and body, with AS numbers written as {@code format} says. */
  byte[] encode(AsFormat format);

  /** Header and body for a session with 4-octet AS numbers. */
  default byte[] encode() {
    return encode(AsFormat.FOUR_OCTET);
  }

  /** {@link #parse(ByteBuffer, AsFormat)} for a 4-octet-AS session. */
  static BgpMessage parse(ByteBuffer in) throws BgpDecodeException {
    return parse(in, AsFormat.FOUR_OCTET);
  }

  /**
   * Decodes the message at {@code in}'s position and moves the position past it (also when decoding fails after
   * the header was read, so a stream reader stays framed).
   */
  static BgpMessage parse(ByteBuffer in, AsFormat format) throws BgpDecodeException {
    return Framing.parse(in, format);
  }

  /**
   * Checks the 19-octet header at {@code header}'s position (marker, length, type) without consuming it, and
   * returns the message length, so a stream reader knows how many octets to wait for.
   */
  static int frameLength(ByteBuffer header) throws BgpDecodeException {
    return Framing.checkHeader(header);
  }
}
