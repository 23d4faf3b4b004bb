// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A path attribute of an UPDATE (RFC 4271 §4.3/§5 and the RFCs named per type). Each type knows its code, the
 * flags it is sent with and how to write its value; decoding and RFC 7606 error classification live in
 * {@link AttributeParser}.
 */
public sealed interface PathAttribute {
  int FLAG_OPTIONAL = 0x80;
  int FLAG_TRANSITIVE = 0x40;
  int FLAG_PARTIAL = 0x20;
  int FLAG_EXTENDED_LENGTH = 0x10;
  int WELL_KNOWN = FLAG_TRANSITIVE;
  int OPTIONAL_TRANSITIVE = FLAG_OPTIONAL | FLAG_TRANSITIVE;
  int OPTIONAL_NON_TRANSITIVE = FLAG_OPTIONAL;

  int ORIGIN = 1;
  int AS_PATH = 2;
  int NEXT_HOP = 3;
  int MULTI_EXIT_DISC = 4;
  int LOCAL_PREF = 5;
  int ATOMIC_AGGREGATE = 6;
  int AGGREGATOR = 7;
  int COMMUNITIES = 8;
  int MP_REACH_NLRI = 14;
  int MP_UNREACH_NLRI = 15;
  int AS4_PATH = 17;
  int LARGE_COMMUNITY = 32;

  int typeCode();

  /** Optional/transitive/partial flags it is sent with (the extended-length bit is set when needed). */
  int flags();

  void writeValue(ByteBuffer out, AsFormat format);

  /** RFC 4271 §5.1.1 ORIGIN: 0 IGP, 1 EGP, 2 INCOMPLETE. */
  record Origin(int value) implements PathAttribute {
    public static final Origin IGP = new Origin(0);
    public static final Origin EGP = new Origin(1);
    public static final Origin INCOMPLETE = new Origin(2);

    public Origin {
      if (value < 0 || value > 2) {
        throw new IllegalArgumentException("ORIGIN must be 0 (IGP), 1 (EGP) or 2 (INCOMPLETE), was " + value);
      }
    }

    @Override public int typeCode() { return ORIGIN; }
    @Override public int flags() { return WELL_KNOWN; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) { out.put((byte) value); }
  }

  /** One AS_PATH segment: 1 AS_SET, 2 AS_SEQUENCE, 3 AS_CONFED_SEQUENCE, 4 AS_CONFED_SET. */
  record Segment(int type, List<Long> asNumbers) {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;

    public Segment {
      if (type < 1 || type > 4) {
        throw new IllegalArgumentException("AS_PATH segment type must be 1..4, was " + type);
      }
      asNumbers = List.copyOf(asNumbers);
      if (asNumbers.isEmpty() || asNumbers.size() > 255) {
        throw new IllegalArgumentException("AS_PATH segment must hold 1..255 AS numbers, has " + asNumbers.size());
      }
      for (long as : asNumbers) {
        if (as < 0 || as > 0xffffffffL) {
          throw new IllegalArgumentException("AS number must be 0..4294967295, was " + as);
        }
      }
    }

    void write(ByteBuffer out, int octets) {
      out.put((byte) type).put((byte) asNumbers.size());
      for (long as : asNumbers) {
        if (octets == 4) {
          out.putInt((int) as);
        } else {
          out.putShort((short) (as > 0xffff ? AsFormat.AS_TRANS : as));
        }
      }
    }

    int wireLength(int octets) {
      return 2 + octets * asNumbers.size();
    }
  }

  /** RFC 4271 §5.1.2 AS_PATH; AS numbers are 2 or 4 octets depending on the session (RFC 6793). */
  record AsPath(List<Segment> segments) implements PathAttribute {
    public static final AsPath EMPTY = new AsPath(List.of());

    public AsPath {
      segments = List.copyOf(segments);
    }

    public static AsPath sequence(long... asNumbers) {
      return asNumbers.length == 0 ? EMPTY
          : new AsPath(List.of(new Segment(Segment.AS_SEQUENCE, java.util.Arrays.stream(asNumbers).boxed().toList())));
    }

    /** Whether any AS number needs AS4_PATH on a 2-octet session. */
    public boolean hasFourOctetAs() {
      return segments.stream().flatMap(s -> s.asNumbers().stream()).anyMatch(a -> a > 0xffff);
    }

    @Override public int typeCode() { return AS_PATH; }
    @Override public int flags() { return WELL_KNOWN; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      segments.forEach(s -> s.write(out, f.octets()));
    }
  }

  /** RFC 6793 §3 AS4_PATH: the 4-octet path beside a 2-octet AS_PATH holding AS_TRANS. */
  record As4Path(List<Segment> segments) implements PathAttribute {
    public As4Path {
      segments = List.copyOf(segments);
    }

    @Override public int typeCode() { return AS4_PATH; }
    @Override public int flags() { return OPTIONAL_TRANSITIVE; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      segments.forEach(s -> s.write(out, 4));
    }
  }

  /** RFC 4271 §5.1.3 NEXT_HOP for IPv4 NLRI in the UPDATE's own NLRI field. */
  record NextHop(Inet4Address address) implements PathAttribute {
    public NextHop {
      Objects.requireNonNull(address, "address");
    }

    @Override public int typeCode() { return NEXT_HOP; }
    @Override public int flags() { return WELL_KNOWN; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) { out.put(address.getAddress()); }
  }

  /** RFC 4271 §5.1.4 MULTI_EXIT_DISC. */
  record MultiExitDisc(long value) implements PathAttribute {
    public MultiExitDisc {
      requireU32("MULTI_EXIT_DISC", value);
    }

    @Override public int typeCode() { return MULTI_EXIT_DISC; }
    @Override public int flags() { return OPTIONAL_NON_TRANSITIVE; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) { out.putInt((int) value); }
  }

  /** RFC 4271 §5.1.5 LOCAL_PREF (iBGP only). */
  record LocalPref(long value) implements PathAttribute {
    public LocalPref {
      requireU32("LOCAL_PREF", value);
    }

    @Override public int typeCode() { return LOCAL_PREF; }
    @Override public int flags() { return WELL_KNOWN; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) { out.putInt((int) value); }
  }

  /** RFC 4271 §5.1.6 ATOMIC_AGGREGATE (no value). */
  record AtomicAggregate() implements PathAttribute {
    @Override public int typeCode() { return ATOMIC_AGGREGATE; }
    @Override public int flags() { return WELL_KNOWN; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) {}
  }

  /** RFC 4271 §5.1.7 AGGREGATOR (AS in 2 or 4 octets per session). */
  record Aggregator(long asNumber, Inet4Address address) implements PathAttribute {
    public Aggregator {
      requireU32("AGGREGATOR AS", asNumber);
      Objects.requireNonNull(address, "address");
    }

    @Override public int typeCode() { return AGGREGATOR; }
    @Override public int flags() { return OPTIONAL_TRANSITIVE; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      if (f == AsFormat.FOUR_OCTET) {
        out.putInt((int) asNumber);
      } else {
        out.putShort((short) (asNumber > 0xffff ? AsFormat.AS_TRANS : asNumber));
      }
      out.put(address.getAddress());
    }
  }

  /** RFC 1997 COMMUNITIES: 32-bit values, conventionally written {@code asn:value}. */
  record Communities(List<Long> values) implements PathAttribute {
    public Communities {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("COMMUNITIES needs at least one community (RFC 7606 §7.8)");
      }
      values.forEach(v -> requireU32("community", v));
    }

    /** Parses {@code "65000:100"} (or a plain 32-bit number). */
    public static long parse(String text) {
      try {
        int colon = text.indexOf(':');
        if (colon < 0) {
          long v = Long.parseLong(text.strip());
          requireU32("community", v);
          return v;
        }
        long hi = Long.parseLong(text.substring(0, colon).strip());
        long lo = Long.parseLong(text.substring(colon + 1).strip());
        if (hi < 0 || hi > 0xffff || lo < 0 || lo > 0xffff) {
          throw new NumberFormatException("halves must be 0..65535");
        }
        return hi << 16 | lo;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("community '" + text + "': expected <0..65535>:<0..65535>", e);
      }
    }

    @Override public int typeCode() { return COMMUNITIES; }
    @Override public int flags() { return OPTIONAL_TRANSITIVE; }
    @Override public void writeValue(ByteBuffer out, AsFormat f) { values.forEach(v -> out.putInt((int) (long) v)); }
  }

  /** RFC 8092 large community {@code global:local1:local2}. */
  record LargeCommunity(long global, long local1, long local2) {
    public LargeCommunity {
      requireU32("large community global administrator", global);
      requireU32("large community local data part 1", local1);
      requireU32("large community local data part 2", local2);
    }

    public static LargeCommunity parse(String text) {
      String[] p = text.split(":");
      try {
        if (p.length != 3) {
          throw new NumberFormatException("three parts needed");
        }
        return new LargeCommunity(Long.parseLong(p[0].strip()), Long.parseLong(p[1].strip()),
            Long.parseLong(p[2].strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("large community '" + text
            + "': expected <0..4294967295>:<0..4294967295>:<0..4294967295>", e);
      }
    }

    @Override
    public String toString() {
      return global + ":" + local1 + ":" + local2;
    }
  }

  /** RFC 8092 LARGE_COMMUNITY. */
  record LargeCommunities(List<LargeCommunity> values) implements PathAttribute {
    public LargeCommunities {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("LARGE_COMMUNITY needs at least one community (RFC 8092 §6)");
      }
    }

    @Override public int typeCode() { return LARGE_COMMUNITY; }
    @Override public int flags() { return OPTIONAL_TRANSITIVE; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      values.forEach(v -> out.putInt((int) v.global()).putInt((int) v.local1()).putInt((int) v.local2()));
    }
  }

  /**
   * RFC 4760 §3 MP_REACH_NLRI for IPv4/IPv6 unicast. IPv6 next hops are a global address optionally followed
   * by a link-local one (RFC 2545 §3).
   */
  record MpReach(AfiSafi family, List<InetAddress> nextHops, List<Prefix> nlri) implements PathAttribute {
    public MpReach {
      int bits = family.addressBits();
      if (bits < 0) {
        throw new IllegalArgumentException("MP_REACH_NLRI family " + family + " is not supported by this codec");
      }
      nextHops = List.copyOf(nextHops);
      nlri = List.copyOf(nlri);
      int max = bits == 128 ? 2 : 1;
      if (nextHops.isEmpty() || nextHops.size() > max) {
        throw new IllegalArgumentException("MP_REACH_NLRI " + family + " needs 1.." + max + " next hops, has "
            + nextHops.size());
      }
      for (InetAddress nh : nextHops) {
        if ((bits == 128) != (nh instanceof Inet6Address)) {
          throw new IllegalArgumentException("next hop " + nh.getHostAddress() + " does not match family " + family);
        }
      }
      for (Prefix p : nlri) {
        if (!p.family().equals(family)) {
          throw new IllegalArgumentException("prefix " + p + " does not match family " + family);
        }
      }
    }

    @Override public int typeCode() { return MP_REACH_NLRI; }
    @Override public int flags() { return OPTIONAL_NON_TRANSITIVE; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      out.putShort((short) family.afi()).put((byte) family.safi());
      out.put((byte) (nextHops.size() * family.addressBits() / 8));
      nextHops.forEach(nh -> out.put(nh.getAddress()));
      out.put((byte) 0);
      nlri.forEach(p -> p.writeTo(out));
    }
  }

  /** RFC 4760 §4 MP_UNREACH_NLRI; empty for IPv6 it is the End-of-RIB marker (RFC 4724 §2). */
  record MpUnreach(AfiSafi family, List<Prefix> withdrawn) implements PathAttribute {
    public MpUnreach {
      if (family.addressBits() < 0) {
        throw new IllegalArgumentException("MP_UNREACH_NLRI family " + family + " is not supported by this codec");
      }
      withdrawn = List.copyOf(withdrawn);
      for (Prefix p : withdrawn) {
        if (!p.family().equals(family)) {
          throw new IllegalArgumentException("prefix " + p + " does not match family " + family);
        }
      }
    }

    @Override public int typeCode() { return MP_UNREACH_NLRI; }
    @Override public int flags() { return OPTIONAL_NON_TRANSITIVE; }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      out.putShort((short) family.afi()).put((byte) family.safi());
      withdrawn.forEach(p -> p.writeTo(out));
    }
  }

  /** Any other attribute, kept as received (optional ones only: unknown well-known ones are an error). */
  record Unknown(int flags, int typeCode, Octets value) implements PathAttribute {
    public Unknown {
      if (flags < 0 || flags > 255 || typeCode < 0 || typeCode > 255) {
        throw new IllegalArgumentException("attribute flags/type must be 0..255, were " + flags + "/" + typeCode);
      }
      flags &= ~FLAG_EXTENDED_LENGTH;
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void writeValue(ByteBuffer out, AsFormat f) {
      out.put(value.toArray());
    }
  }

  private static void requireU32(String what, long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException(what + " must be 0..4294967295, was " + v);
    }
  }
}
