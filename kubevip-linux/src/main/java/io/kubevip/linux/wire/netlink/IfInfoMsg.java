// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Link messages (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK).
 *
 * <pre>
 * struct ifinfomsg {
 *   unsigned char  ifi_family;
 *   unsigned char  __ifi_pad;
 *   unsigned short ifi_type;    // ARPHRD_*
 *   int            ifi_index;
 *   unsigned       ifi_flags;   // IFF_*
 *   unsigned       ifi_change;  // IFF_* mask of flags to change
 * };
 * </pre>
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change, List<RtAttr> attrs)
    implements NetlinkPayload {
  public static final int SIZE = 16;

  public IfInfoMsg {
    attrs = List.copyOf(attrs);
  }

  static IfInfoMsg decode(ByteBuffer in) {
    WireFormatException.require(in.remaining(), SIZE, "ifinfomsg");
    int family = in.get() & 0xff;
    in.get();
    int type = in.getShort() & 0xffff;
    int index = in.getInt();
    int flags = in.getInt();
    int change = in.getInt();
    return new IfInfoMsg(family, type, index, flags, change, RtAttr.parseAll(in));
  }

  @Override
  public int encodedLength() {
    return SIZE + RtAttr.encodeAll(attrs).length;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) family).put((byte) 0).putShort((short) type);
    out.putInt(index).putInt(flags).putInt(change);
    out.put(RtAttr.encodeAll(attrs));
  }
}
