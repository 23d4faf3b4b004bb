// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire.netlink;

import io.kubevip.linux.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One routing attribute.
 *
 * <pre>
 * struct rtattr {
 *   unsigned short rta_len;   // header + payload, not padded
 *   unsigned short rta_type;  // high bits: NLA_F_NESTED 0x8000, NLA_F_NET_BYTEORDER 0x4000
 * };                          // payload follows, padded to RTA_ALIGNTO = 4
 * </pre>
 */
public record RtAttr(int type, byte[] value) {
  public static final int HEADER = 4;
  private static final int TYPE_MASK = 0x3fff;

  public RtAttr {
    if (type < 0 || type > 0xffff) {
      throw new IllegalArgumentException("rtattr type must be 0..65535, was " + type);
    }
    value = value.clone();
    if (value.length > 0xffff - HEADER) {
      throw new IllegalArgumentException("rtattr payload too long: " + value.length + " bytes");
    }
  }

  public static RtAttr ofU8(int type, int v) {
    return new RtAttr(type, new byte[] {(byte) v});
  }

  public static RtAttr ofU16(int type, int v) {
    return new RtAttr(type, native_(2).putShort((short) v).array());
  }

  public static RtAttr ofU16Be(int type, int v) {
    return new RtAttr(type, new byte[] {(byte) (v >>> 8), (byte) v});
  }

  public static RtAttr ofU32(int type, int v) {
    return new RtAttr(type, native_(4).putInt(v).array());
  }

  /** A NUL-terminated C string, as IFLA_IFNAME and IFA_LABEL expect. */
  public static RtAttr ofString(int type, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new RtAttr(type, Arrays.copyOf(b, b.length + 1));
  }

  public static RtAttr nested(int type, List<RtAttr> children) {
    return new RtAttr(type, encodeAll(children));
  }

  /** The type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits. */
  public int kind() {
    return type & TYPE_MASK;
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public int asU8() {
    requireLen(1);
    return value[0] & 0xff;
  }

  public int asU16() {
    requireLen(2);
    return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getShort() & 0xffff;
  }

  public int asU16Be() {
    requireLen(2);
    return ((value[0] & 0xff) << 8) | (value[1] & 0xff);
  }

  public int asU32() {
    requireLen(4);
    return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
  }

  /** Reads up to the first NUL (C strings), or the whole payload if there is none. */
  public String asString() {
    int end = 0;
    while (end < value.length && value[end] != 0) {
      end++;
    }
    return new String(value, 0, end, StandardCharsets.UTF_8);
  }

  public List<RtAttr> asNested() {
    return parseAll(ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()));
  }

  private void requireLen(int n) {
    if (value.length < n) {
      throw new WireFormatException(
          "rtattr " + kind() + ": needs " + n + " bytes, has " + value.length);
    }
  }

  public int encodedLength() {
    return align(HEADER + value.length);
  }

  public void encode(ByteBuffer out) {
    int start = out.position();
    out.putShort((short) (HEADER + value.length));
    out.putShort((short) type);
    out.put(value);
    while (out.position() - start < encodedLength()) {
      out.put((byte) 0);
    }
  }

  public static byte[] encodeAll(List<RtAttr> attrs) {
    int len = 0;
    for (RtAttr a : attrs) {
      len += a.encodedLength();
    }
    ByteBuffer b = native_(len);
    for (RtAttr a : attrs) {
      a.encode(b);
    }
    return b.array();
  }

  /** Parses attributes until the buffer is exhausted; the last one may omit its padding. */
  public static List<RtAttr> parseAll(ByteBuffer in) {
    List<RtAttr> out = new ArrayList<>();
    while (in.remaining() >= HEADER) {
      int len = in.getShort() & 0xffff;
      int type = in.getShort() & 0xffff;
      if (len < HEADER) {
        throw new WireFormatException("rtattr type " + type + ": length " + len + " below header size");
      }
      WireFormatException.require(in.remaining(), len - HEADER, "rtattr type " + type);
      byte[] v = new byte[len - HEADER];
      in.get(v);
      int pad = Math.min(align(len) - len, in.remaining());
      in.position(in.position() + pad);
      out.add(new RtAttr(type, v));
    }
    if (in.hasRemaining()) {
      throw new WireFormatException("rtattr: " + in.remaining() + " trailing bytes");
    }
    return out;
  }

  public static Optional<RtAttr> find(List<RtAttr> attrs, int kind) {
    for (RtAttr a : attrs) {
      if (a.kind() == kind) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  public static int align(int len) {
    return (len + 3) & ~3;
  }

  private static ByteBuffer native_(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RtAttr r && r.type == type && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "RtAttr[type=" + type + ", len=" + value.length + "]";
  }
}
