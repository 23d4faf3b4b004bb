// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Route messages (RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE).
 *
 * <pre>
 * struct rtmsg {
 *   unsigned char rtm_family;
 *   unsigned char rtm_dst_len;
 *   unsigned char rtm_src_len;
 *   unsigned char rtm_tos;
 *   unsigned char rtm_table;     // RT_TABLE_UNSPEC with RTA_TABLE for ids above 255
 *   unsigned char rtm_protocol;  // RTPROT_*
 *   unsigned char rtm_scope;     // RT_SCOPE_*
 *   unsigned char rtm_type;      // RTN_*
 *   unsigned      rtm_flags;
 * };
 * </pre>
 */
public record RtMsg(
    int family,
    int dstLength,
    int srcLength,
    int tos,
    int table,
    int protocol,
    int scope,
    int type,
    int flags,
    List<RtAttr> attrs)
    implements NetlinkPayload {
  public static final int SIZE = 12;

  public RtMsg {
    attrs = List.copyOf(attrs);
  }

  static RtMsg decode(ByteBuffer in) {
    WireFormatException.require(in.remaining(), SIZE, "rtmsg");
    int[] b = new int[8];
    for (int i = 0; i < 8; i++) {
      b[i] = in.get() & 0xff;
    }
    int flags = in.getInt();
    return new RtMsg(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], flags, RtAttr.parseAll(in));
  }

  @Override
  public int encodedLength() {
    return SIZE + RtAttr.encodeAll(attrs).length;
  }

  @Override
  public void encode(ByteBuffer out) {
    for (int v : new int[] {family, dstLength, srcLength, tos, table, protocol, scope, type}) {
      out.put((byte) v);
    }
    out.putInt(flags);
    out.put(RtAttr.encodeAll(attrs));
  }
}
