// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import java.nio.ByteBuffer;

/** The body after an nlmsghdr; closed so every message type has one decoder. */
public sealed interface NetlinkPayload
    permits IfInfoMsg, IfAddrMsg, RtMsg, NdMsg, NlMsgErr, NlMsgDone, OpaquePayload {

  /** Bytes this payload occupies (unpadded). */
  int encodedLength();

  void encode(ByteBuffer out);
}
