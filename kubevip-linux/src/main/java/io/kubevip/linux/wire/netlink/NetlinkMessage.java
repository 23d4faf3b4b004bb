// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_DONE;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.kubevip.linux.wire.netlink.NetlinkConstants.NLMSG_HDRLEN;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message: header fields plus a typed payload.
 *
 * <pre>
 * struct nlmsghdr {
 *   __u32 nlmsg_len;    // header + payload
 *   __u16 nlmsg_type;   // NLMSG_* or RTM_*
 *   __u16 nlmsg_flags;  // NLM_F_*
 *   __u32 nlmsg_seq;
 *   __u32 nlmsg_pid;
 * };                    // messages in one datagram are padded to NLMSG_ALIGNTO = 4
 * </pre>
 */
public record NetlinkMessage(int type, int flags, int seq, int pid, NetlinkPayload payload) {

  public NetlinkMessage {
    if (type < 0 || type > 0xffff || flags < 0 || flags > 0xffff) {
      throw new IllegalArgumentException("nlmsg type/flags must be 16-bit: " + type + "/" + flags);
    }
  }

  public byte[] encode() {
    int len = NLMSG_HDRLEN + payload.encodedLength();
    ByteBuffer b = ByteBuffer.allocate(RtAttr.align(len)).order(ByteOrder.nativeOrder());
    b.putInt(len).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    payload.encode(b);
    return b.array();
  }

  /** Decodes every message in one received datagram. */
  public static List<NetlinkMessage> parseAll(ByteBuffer datagram) {
    ByteBuffer in = datagram.slice().order(ByteOrder.nativeOrder());
    List<NetlinkMessage> out = new ArrayList<>();
    while (in.remaining() >= NLMSG_HDRLEN) {
      int start = in.position();
      int len = in.getInt();
      int type = in.getShort() & 0xffff;
      int flags = in.getShort() & 0xffff;
      int seq = in.getInt();
      int pid = in.getInt();
      if (len < NLMSG_HDRLEN) {
        throw new WireFormatException("nlmsghdr type " + type + ": length " + len + " below 16");
      }
      WireFormatException.require(in.remaining(), len - NLMSG_HDRLEN, "nlmsg type " + type);
      ByteBuffer body = in.slice().order(ByteOrder.nativeOrder());
      body.limit(len - NLMSG_HDRLEN);
      out.add(new NetlinkMessage(type, flags, seq, pid, decodePayload(type, flags, body)));
      in.position(Math.min(in.limit(), start + RtAttr.align(len)));
    }
    if (in.hasRemaining()) {
      throw new WireFormatException("netlink datagram: " + in.remaining() + " trailing bytes");
    }
    return out;
  }

  private static NetlinkPayload decodePayload(int type, int flags, ByteBuffer body) {
    if (type == NLMSG_ERROR) {
      return NlMsgErr.decode(body, flags);
    }
    if (type == NLMSG_DONE) {
      return NlMsgDone.decode(body);
    }
    if (type >= 16 && type <= 19) {
      return IfInfoMsg.decode(body);
    }
    if (type >= 20 && type <= 22) {
      return IfAddrMsg.decode(body);
    }
    if (type >= 24 && type <= 26) {
      return RtMsg.decode(body);
    }
    if (type >= 28 && type <= 30) {
      return NdMsg.decode(body);
    }
    byte[] rest = new byte[body.remaining()];
    body.get(rest);
    return new OpaquePayload(rest);
  }
}
