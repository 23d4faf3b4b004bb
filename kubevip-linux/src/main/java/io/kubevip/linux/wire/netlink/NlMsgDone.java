// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import java.nio.ByteBuffer;

/** NLMSG_DONE: the end of a multipart dump; the kernel puts an int status (0) in it. */
public record NlMsgDone(int status) implements NetlinkPayload {
  static NlMsgDone decode(ByteBuffer in) {
    return new NlMsgDone(in.remaining() >= 4 ? in.getInt() : 0);
  }

  @Override
  public int encodedLength() {
    return 4;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.putInt(status);
  }
}
