// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Neighbour messages (RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH).
 *
 * <pre>
 * struct ndmsg {
 *   __u8  ndm_family;
 *   __u8  ndm_pad1;
 *   __u16 ndm_pad2;
 *   __s32 ndm_ifindex;
 *   __u16 ndm_state;   // NUD_*
 *   __u8  ndm_flags;
 *   __u8  ndm_type;
 * };
 * </pre>
 */
public record NdMsg(int family, int index, int state, int flags, int type, List<RtAttr> attrs)
    implements NetlinkPayload {
  public static final int SIZE = 12;

  public NdMsg {
    attrs = List.copyOf(attrs);
  }

  static NdMsg decode(ByteBuffer in) {
    WireFormatException.require(in.remaining(), SIZE, "ndmsg");
    int family = in.get() & 0xff;
    in.get();
    in.getShort();
    int index = in.getInt();
    int state = in.getShort() & 0xffff;
    int flags = in.get() & 0xff;
    int type = in.get() & 0xff;
    return new NdMsg(family, index, state, flags, type, RtAttr.parseAll(in));
  }

  @Override
  public int encodedLength() {
    return SIZE + RtAttr.encodeAll(attrs).length;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) family).put((byte) 0).putShort((short) 0);
    out.putInt(index).putShort((short) state).put((byte) flags).put((byte) type);
    out.put(RtAttr.encodeAll(attrs));
  }
}
