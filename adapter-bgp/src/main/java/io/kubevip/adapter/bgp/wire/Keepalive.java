// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;

/** RFC 4271 §4.4: a bare header, sent every keepalive interval and to confirm an OPEN. */
public record Keepalive() implements BgpMessage {
  public static final Keepalive INSTANCE = new Keepalive();

  @Override
  public int type() {
    return TYPE_KEEPALIVE;
  }

  @Override
  public byte[] encode(AsFormat format) {
    return Framing.frame(TYPE_KEEPALIVE, ByteBuffer.allocate(0));
  }
}
