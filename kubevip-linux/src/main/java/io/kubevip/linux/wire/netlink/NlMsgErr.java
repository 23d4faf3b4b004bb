// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSGERR_ATTR_MSG;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_ACK_TLVS;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLM_F_CAPPED;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * NLMSG_ERROR, which is also the positive ACK when {@code error == 0}.
 *
 * <pre>
 * struct nlmsgerr {
 *   int error;            // negative errno or 0
 *   struct nlmsghdr msg;  // the request's header (plus its payload unless NLM_F_CAPPED)
 * };                      // NLM_F_ACK_TLVS: struct nlattr ext-ack attributes follow
 * </pre>
 *
 * <p>This codec always encodes the capped form; {@code message} is NLMSGERR_ATTR_MSG or null.
 */
public record NlMsgErr(int error, int requestType, int requestSeq, String message)
    implements NetlinkPayload {

  /** The errno as a positive number (0 for an ACK). */
  public int errno() {
    return -error;
  }

  static NlMsgErr decode(ByteBuffer in, int flags) {
    WireFormatException.require(in.remaining(), 4 + NLMSG_HDRLEN, "nlmsgerr");
    int error = in.getInt();
    int start = in.position();
    int origLen = in.getInt();
    int origType = in.getShort() & 0xffff;
    in.getShort();
    int origSeq = in.getInt();
    in.getInt();
    int skip = NLMSG_HDRLEN;
    if ((flags & NLM_F_CAPPED) == 0) {
      if (origLen < NLMSG_HDRLEN) {
        throw new WireFormatException("nlmsgerr: embedded request length " + origLen + " too small");
      }
      skip = Math.min(RtAttr.align(origLen), in.remaining() + NLMSG_HDRLEN);
    }
    in.position(start + skip);
    String msg = null;
    if ((flags & NLM_F_ACK_TLVS) != 0) {
      List<RtAttr> tlvs = RtAttr.parseAll(in.slice().order(in.order()));
      in.position(in.limit());
      msg = RtAttr.find(tlvs, NLMSGERR_ATTR_MSG).map(RtAttr::asString).orElse(null);
    }
    return new NlMsgErr(error, origType, origSeq, msg);
  }

  private byte[] tlvs() {
    return message == null
        ? new byte[0]
        : RtAttr.encodeAll(List.of(RtAttr.ofString(NLMSGERR_ATTR_MSG, message)));
  }

  /** Flags an encoder must put in the outer header so {@link #decode} reads this back. */
  public int requiredFlags() {
    return NLM_F_CAPPED | (message == null ? 0 : NLM_F_ACK_TLVS);
  }

  @Override
  public int encodedLength() {
    return 4 + NLMSG_HDRLEN + tlvs().length;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.putInt(error);
    out.putInt(NLMSG_HDRLEN);
    out.putShort((short) requestType);
    out.putShort((short) 0);
    out.putInt(requestSeq);
    out.putInt(0);
    out.put(tlvs());
  }
}
