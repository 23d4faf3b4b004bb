// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Address messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR).
 *
 * <pre>
 * struct ifaddrmsg {
 *   __u8  ifa_family;
 *   __u8  ifa_prefixlen;
 *   __u8  ifa_flags;   // low 8 IFA_F_* bits; IFA_FLAGS carries all 32
 *   __u8  ifa_scope;
 *   __u32 ifa_index;
 * };
 * </pre>
 */
public record IfAddrMsg(
    int family, int prefixLength, int flags, int scope, int index, List<RtAttr> attrs)
    implements NetlinkPayload {
  public static final int SIZE = 8;

  public IfAddrMsg {
    attrs = List.copyOf(attrs);
  }

  static IfAddrMsg decode(ByteBuffer in) {
    WireFormatException.require(in.remaining(), SIZE, "ifaddrmsg");
    int family = in.get() & 0xff;
    int prefix = in.get() & 0xff;
    int flags = in.get() & 0xff;
    int scope = in.get() & 0xff;
    int index = in.getInt();
    return new IfAddrMsg(family, prefix, flags, scope, index, RtAttr.parseAll(in));
  }

  @Override
  public int encodedLength() {
    return SIZE + RtAttr.encodeAll(attrs).length;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope);
    out.putInt(index);
    out.put(RtAttr.encodeAll(attrs));
  }
}
