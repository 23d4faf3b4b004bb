// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import static io.kubevip.adapter.bgp.wire.BgpDecodeException.Handling.ATTRIBUTE_DISCARD;
import static io.kubevip.adapter.bgp.wire.BgpDecodeException.Handling.TREAT_AS_WITHDRAW;

import io.kubevip.adapter.bgp.wire.BgpDecodeException.Handling;
import io.kubevip.adapter.bgp.wire.PathAttribute.Segment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes the path attribute list of an UPDATE and classifies each error as RFC 7606 asks: malformed
 * attributes of routes are withdrawn ("treat-as-withdraw", §7.1–7.8), harmless ones are dropped ("attribute
 * discard"), and only damage that leaves the NLRI unknowable resets the session (MP_REACH/MP_UNREACH, §7.11;
 * unrecognized well-known attributes, RFC 4271 §6.3).
 */
final class AttributeParser {
  private final AsFormat format;
  private final List<PathAttribute> attributes = new ArrayList<>();
  private final BitSet seen = new BitSet(256);
  private BgpDecodeException strongest;

  AttributeParser(AsFormat format) {
    this.format = format;
  }

  List<PathAttribute> attributes() {
    return attributes;
  }

  /** The strongest non-reset error found, or null. */
  BgpDecodeException error() {
    return strongest;
  }

  void parse(ByteBuffer in) throws BgpDecodeException {
    while (in.hasRemaining()) {
      int start = in.position();
      if (in.remaining() < 3) {
        note(ErrorCodes.MALFORMED_ATTRIBUTE_LIST, TREAT_AS_WITHDRAW, new byte[0],
            "attribute header truncated (" + in.remaining() + " octets left)");
        return;
      }
      int flags = in.get() & 0xff;
      int type = in.get() & 0xff;
      boolean extended = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
      if (extended && in.remaining() < 2) {
        note(ErrorCodes.MALFORMED_ATTRIBUTE_LIST, TREAT_AS_WITHDRAW, new byte[0], "extended attribute length truncated");
        return;
      }
      int len = extended ? in.getShort() & 0xffff : in.get() & 0xff;
      if (len > in.remaining()) {
        // RFC 7606 §4: the attribute list is unparseable beyond this point, but the NLRI field is still delimited.
        if (type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI) {
          throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.MALFORMED_ATTRIBUTE_LIST, new byte[0],
              "attribute " + type + " length " + len + " exceeds the " + in.remaining() + " octets left");
        }
        note(ErrorCodes.MALFORMED_ATTRIBUTE_LIST, TREAT_AS_WITHDRAW, new byte[0],
            "attribute " + type + " length " + len + " exceeds the " + in.remaining() + " octets left");
        return;
      }
      ByteBuffer value = in.slice(in.position(), len);
      in.position(in.position() + len);
      byte[] whole = new byte[in.position() - start];
      in.get(start, whole);
      if (seen.get(type)) {
        if (type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI) {
          throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.MALFORMED_ATTRIBUTE_LIST, new byte[0],
              "attribute " + type + " appears twice");
        }
        note(ErrorCodes.MALFORMED_ATTRIBUTE_LIST, ATTRIBUTE_DISCARD, new byte[0], "attribute " + type + " repeated");
        continue;
      }
      seen.set(type);
      PathAttribute a = decodeOne(flags, type, value, whole);
      if (a != null) {
        attributes.add(a);
      }
    }
  }

  private PathAttribute decodeOne(int flags, int type, ByteBuffer v, byte[] whole) throws BgpDecodeException {
    int len = v.remaining();
    Integer expectedFlags = expectedFlags(type);
    if (expectedFlags == null) {
      if ((flags & PathAttribute.FLAG_OPTIONAL) == 0) {
        throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE,
            whole, "well-known attribute type " + type + " is not recognized");
      }
      byte[] d = new byte[len];
      v.get(d);
      return new PathAttribute.Unknown(flags, type, Octets.of(d));
    }
    boolean mp = type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI;
    if ((flags & 0xc0) != expectedFlags) {
      if (mp) {
        throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.ATTRIBUTE_FLAGS_ERROR, whole,
            "attribute " + type + " flags 0x" + Integer.toHexString(flags));
      }
      note(ErrorCodes.ATTRIBUTE_FLAGS_ERROR, TREAT_AS_WITHDRAW, whole,
          "attribute " + type + " flags 0x" + Integer.toHexString(flags) + ", expected 0x"
              + Integer.toHexString(expectedFlags));
      return null;
    }
    switch (type) {
      case PathAttribute.ORIGIN:
        if (len != 1) {
          return lengthError(type, len, TREAT_AS_WITHDRAW, whole);
        }
        int origin = v.get() & 0xff;
        if (origin > 2) {
          note(ErrorCodes.INVALID_ORIGIN_ATTRIBUTE, TREAT_AS_WITHDRAW, whole, "ORIGIN value " + origin);
          return null;
        }
        return new PathAttribute.Origin(origin);
      case PathAttribute.AS_PATH: {
        List<Segment> s = segments(v, format.octets());
        if (s == null) {
          note(ErrorCodes.MALFORMED_AS_PATH, TREAT_AS_WITHDRAW, new byte[0], "AS_PATH malformed");
          return null;
        }
        return new PathAttribute.AsPath(s);
      }
      case PathAttribute.AS4_PATH: {
        List<Segment> s = segments(v, 4);
        if (s == null) {
          note(ErrorCodes.OPTIONAL_ATTRIBUTE_ERROR, ATTRIBUTE_DISCARD, whole, "AS4_PATH malformed (RFC 6793 §6)");
          return null;
        }
        return new PathAttribute.As4Path(s);
      }
      case PathAttribute.NEXT_HOP: {
        if (len != 4) {
          return lengthError(type, len, TREAT_AS_WITHDRAW, whole);
        }
        Inet4Address nh = ipv4(v);
        if (nh.isAnyLocalAddress() || nh.isMulticastAddress() || (nh.getAddress()[0] & 0xff) == 0xff) {
          note(ErrorCodes.INVALID_NEXT_HOP_ATTRIBUTE, TREAT_AS_WITHDRAW, whole, "NEXT_HOP " + nh.getHostAddress());
          return null;
        }
        return new PathAttribute.NextHop(nh);
      }
      case PathAttribute.MULTI_EXIT_DISC:
        return len != 4 ? lengthError(type, len, TREAT_AS_WITHDRAW, whole)
            : new PathAttribute.MultiExitDisc(v.getInt() & 0xffffffffL);
      case PathAttribute.LOCAL_PREF:
        return len != 4 ? lengthError(type, len, TREAT_AS_WITHDRAW, whole)
            : new PathAttribute.LocalPref(v.getInt() & 0xffffffffL);
      case PathAttribute.ATOMIC_AGGREGATE:
        return len != 0 ? lengthError(type, len, ATTRIBUTE_DISCARD, whole) : new PathAttribute.AtomicAggregate();
      case PathAttribute.AGGREGATOR: {
        int asLen = format.octets();
        if (len != asLen + 4) {
          return lengthError(type, len, ATTRIBUTE_DISCARD, whole);
        }
        long as = asLen == 4 ? v.getInt() & 0xffffffffL : v.getShort() & 0xffff;
        return new PathAttribute.Aggregator(as, ipv4(v));
      }
      case PathAttribute.COMMUNITIES: {
        if (len == 0 || len % 4 != 0) {
          return lengthError(type, len, TREAT_AS_WITHDRAW, whole);
        }
        List<Long> values = new ArrayList<>();
        while (v.hasRemaining()) {
          values.add(v.getInt() & 0xffffffffL);
        }
        return new PathAttribute.Communities(values);
      }
      case PathAttribute.LARGE_COMMUNITY: {
        if (len == 0 || len % 12 != 0) {
          return lengthError(type, len, TREAT_AS_WITHDRAW, whole);
        }
        List<PathAttribute.LargeCommunity> values = new ArrayList<>();
        while (v.hasRemaining()) {
          values.add(new PathAttribute.LargeCommunity(v.getInt() & 0xffffffffL, v.getInt() & 0xffffffffL,
              v.getInt() & 0xffffffffL));
        }
        return new PathAttribute.LargeCommunities(values);
      }
      case PathAttribute.MP_REACH_NLRI:
        return mpReach(flags, v, whole);
      default:
        return mpUnreach(flags, v, whole);
    }
  }

  private PathAttribute mpReach(int flags, ByteBuffer v, byte[] whole) throws BgpDecodeException {
    if (v.remaining() < 5) {
      throw mpError("MP_REACH_NLRI of " + v.remaining() + " octets is shorter than 5");
    }
    AfiSafi family = new AfiSafi(v.getShort() & 0xffff, v.get() & 0xff);
    int nhLen = v.get() & 0xff;
    if (nhLen + 1 > v.remaining()) {
      throw mpError("MP_REACH_NLRI next hop length " + nhLen + " exceeds the attribute");
    }
    int bits = family.addressBits();
    if (bits < 0) {
      return opaque(flags, PathAttribute.MP_REACH_NLRI, whole);
    }
    int octets = bits / 8;
    if (nhLen != octets && !(bits == 128 && nhLen == 32)) {
      throw mpError("MP_REACH_NLRI " + family + " next hop length " + nhLen);
    }
    List<InetAddress> nextHops = new ArrayList<>();
    for (int i = 0; i < nhLen / octets; i++) {
      byte[] a = new byte[octets];
      v.get(a);
      nextHops.add(address(a));
    }
    v.get(); // reserved (RFC 4760 §3), ignored on receipt
    List<Prefix> nlri = prefixes(v, bits, "MP_REACH_NLRI");
    return new PathAttribute.MpReach(family, nextHops, nlri);
  }

  private PathAttribute mpUnreach(int flags, ByteBuffer v, byte[] whole) throws BgpDecodeException {
    if (v.remaining() < 3) {
      throw mpError("MP_UNREACH_NLRI of " + v.remaining() + " octets is shorter than 3");
    }
    AfiSafi family = new AfiSafi(v.getShort() & 0xffff, v.get() & 0xff);
    if (family.addressBits() < 0) {
      return opaque(flags, PathAttribute.MP_UNREACH_NLRI, whole);
    }
    return new PathAttribute.MpUnreach(family, prefixes(v, family.addressBits(), "MP_UNREACH_NLRI"));
  }

  private static List<Prefix> prefixes(ByteBuffer v, int bits, String where) throws BgpDecodeException {
    List<Prefix> out = new ArrayList<>();
    while (v.hasRemaining()) {
      out.add(Prefix.read(v, bits, d -> mpError(where + " " + d)));
    }
    return out;
  }

  private static PathAttribute opaque(int flags, int type, byte[] whole) {
    int header = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0 ? 4 : 3;
    byte[] d = new byte[whole.length - header];
    System.arraycopy(whole, header, d, 0, d.length);
    return new PathAttribute.Unknown(flags, type, Octets.of(d));
  }

  private static BgpDecodeException mpError(String detail) {
    return BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.OPTIONAL_ATTRIBUTE_ERROR, new byte[0],
        detail + " (RFC 7606 §7.11)");
  }

  /** Segments, or null when malformed: truncated, unknown type or empty segment (RFC 7606 §7.2). */
  private static List<Segment> segments(ByteBuffer v, int octets) {
    List<Segment> out = new ArrayList<>();
    while (v.hasRemaining()) {
      if (v.remaining() < 2) {
        return null;
      }
      int type = v.get() & 0xff;
      int count = v.get() & 0xff;
      if (type < 1 || type > 4 || count == 0 || count * octets > v.remaining()) {
        return null;
      }
      List<Long> as = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        as.add(octets == 4 ? v.getInt() & 0xffffffffL : (long) (v.getShort() & 0xffff));
      }
      out.add(new Segment(type, as));
    }
    return out;
  }

  private PathAttribute lengthError(int type, int len, Handling h, byte[] whole) {
    note(ErrorCodes.ATTRIBUTE_LENGTH_ERROR, h, whole, "attribute " + type + " has invalid length " + len);
    return null;
  }

  private void note(int subcode, Handling h, byte[] data, String detail) {
    BgpDecodeException e = new BgpDecodeException(ErrorCodes.UPDATE_MESSAGE, subcode, data, h, detail);
    if (e.isStrongerThan(strongest)) {
      strongest = e;
    }
  }

  /** The optional/transitive bits a known type must carry, or null for a type this codec does not know. */
  private static Integer expectedFlags(int type) {
    switch (type) {
      case PathAttribute.ORIGIN:
      case PathAttribute.AS_PATH:
      case PathAttribute.NEXT_HOP:
      case PathAttribute.LOCAL_PREF:
      case PathAttribute.ATOMIC_AGGREGATE:
        return PathAttribute.WELL_KNOWN;
      case PathAttribute.MULTI_EXIT_DISC:
      case PathAttribute.MP_REACH_NLRI:
      case PathAttribute.MP_UNREACH_NLRI:
        return PathAttribute.OPTIONAL_NON_TRANSITIVE;
      case PathAttribute.AGGREGATOR:
      case PathAttribute.COMMUNITIES:
      case PathAttribute.AS4_PATH:
      case PathAttribute.LARGE_COMMUNITY:
        return PathAttribute.OPTIONAL_TRANSITIVE;
      default:
        return null;
    }
  }

  private static Inet4Address ipv4(ByteBuffer v) {
    byte[] a = new byte[4];
    v.get(a);
    return (Inet4Address) address(a);
  }

  private static InetAddress address(byte[] a) {
    return Prefix.fromOctets(a);
  }

}
