// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import io.kubevip.adapter.bgp.wire.BgpDecodeException.Handling;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4271 §4.3 UPDATE: IPv4 withdrawals, path attributes, IPv4 NLRI; IPv6 travels in MP_REACH/MP_UNREACH
 * attributes (RFC 4760). A decoded UPDATE may carry a non-fatal RFC 7606 {@link #error()}: with
 * treat-as-withdraw, {@link #announced()} is empty and every prefix is in {@link #allWithdrawn()}.
 */
public record Update(List<Prefix> withdrawn, List<PathAttribute> attributes, List<Prefix> nlri,
    BgpDecodeException error) implements BgpMessage {

  public Update {
    withdrawn = List.copyOf(withdrawn);
    attributes = List.copyOf(attributes);
    nlri = List.copyOf(nlri);
    for (Prefix p : withdrawn) {
      requireIpv4(p, "withdrawn routes");
    }
    for (Prefix p : nlri) {
      requireIpv4(p, "NLRI");
    }
    if (error != null && error.handling() == Handling.SESSION_RESET) {
      throw new IllegalArgumentException("a session-reset error is thrown, not kept in an UPDATE");
    }
  }

  public Update(List<Prefix> withdrawn, List<PathAttribute> attributes, List<Prefix> nlri) {
    this(withdrawn, attributes, nlri, null);
  }

  /** RFC 4724 §2 End-of-RIB: an empty UPDATE for IPv4, an empty MP_UNREACH_NLRI for other families. */
  public static Update endOfRib(AfiSafi family) {
    if (family.equals(AfiSafi.IPV4_UNICAST)) {
      return new Update(List.of(), List.of(), List.of());
    }
    return new Update(List.of(), List.of(new PathAttribute.MpUnreach(family, List.of())), List.of());
  }

  /** The family whose End-of-RIB this is, if it is one. */
  public Optional<AfiSafi> endOfRibFamily() {
    if (!withdrawn.isEmpty() || !nlri.isEmpty() || error != null) {
      return Optional.empty();
    }
    if (attributes.isEmpty()) {
      return Optional.of(AfiSafi.IPV4_UNICAST);
    }
    if (attributes.size() == 1 && attributes.get(0) instanceof PathAttribute.MpUnreach u && u.withdrawn().isEmpty()) {
      return Optional.of(u.family());
    }
    return Optional.empty();
  }

  public <A extends PathAttribute> Optional<A> attribute(Class<A> type) {
    return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Prefixes announced by this UPDATE (IPv4 NLRI and MP_REACH), none under treat-as-withdraw. */
  public List<Prefix> announced() {
    if (isTreatAsWithdraw()) {
      return List.of();
    }
    return reachable();
  }

  /** Every prefix this UPDATE withdraws, including announced ones under treat-as-withdraw. */
  public List<Prefix> allWithdrawn() {
    List<Prefix> out = new ArrayList<>(withdrawn);
    attribute(PathAttribute.MpUnreach.class).ifPresent(u -> out.addAll(u.withdrawn()));
    if (isTreatAsWithdraw()) {
      out.addAll(reachable());
    }
    return out;
  }

  private List<Prefix> reachable() {
    List<Prefix> out = new ArrayList<>(nlri);
    attribute(PathAttribute.MpReach.class).ifPresent(r -> out.addAll(r.nlri()));
    return out;
  }

  public boolean isTreatAsWithdraw() {
    return error != null && error.handling() == Handling.TREAT_AS_WITHDRAW;
  }

  @Override
  public int type() {
    return TYPE_UPDATE;
  }

  @Override
  public byte[] encode(AsFormat format) {
    try {
      return encodeUnchecked(format);
    } catch (java.nio.BufferOverflowException e) {
      throw new IllegalArgumentException("UPDATE with " + (withdrawn.size() + nlri.size()) + " prefixes and "
          + attributes.size() + " attributes exceeds " + MAX_LENGTH + " octets; split it");
    }
  }

  private byte[] encodeUnchecked(AsFormat format) {
    ByteBuffer b = Framing.scratch();
    b.putShort((short) 0);
    withdrawn.forEach(p -> p.writeTo(b));
    b.putShort(0, (short) (b.position() - 2));
    int attrStart = b.position();
    b.putShort((short) 0);
    ByteBuffer value = Framing.scratch();
    for (PathAttribute a : attributes) {
      value.clear();
      a.writeValue(value, format);
      value.flip();
      int len = value.remaining();
      if (len > 0xffff) {
        throw new IllegalArgumentException("attribute " + a.typeCode() + " value of " + len + " octets exceeds 65535");
      }
      boolean extended = len > 255;
      b.put((byte) (a.flags() | (extended ? PathAttribute.FLAG_EXTENDED_LENGTH : 0))).put((byte) a.typeCode());
      if (extended) {
        b.putShort((short) len);
      } else {
        b.put((byte) len);
      }
      b.put(value);
    }
    b.putShort(attrStart, (short) (b.position() - attrStart - 2));
    nlri.forEach(p -> p.writeTo(b));
    b.flip();
    return Framing.frame(TYPE_UPDATE, b);
  }

  static Update decode(ByteBuffer body, AsFormat format) throws BgpDecodeException {
    int withdrawnLen = body.getShort() & 0xffff;
    if (withdrawnLen + 2 > body.remaining()) {
      throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.MALFORMED_ATTRIBUTE_LIST, new byte[0],
          "withdrawn routes length " + withdrawnLen + " exceeds the " + body.remaining() + " octets left");
    }
    List<Prefix> withdrawn = ipv4Prefixes(body.slice(body.position(), withdrawnLen), "withdrawn routes");
    body.position(body.position() + withdrawnLen);
    int attrLen = body.getShort() & 0xffff;
    if (attrLen > body.remaining()) {
      throw BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.MALFORMED_ATTRIBUTE_LIST, new byte[0],
          "total path attribute length " + attrLen + " exceeds the " + body.remaining() + " octets left");
    }
    AttributeParser parser = new AttributeParser(format);
    parser.parse(body.slice(body.position(), attrLen));
    body.position(body.position() + attrLen);
    List<Prefix> nlri = ipv4Prefixes(body, "NLRI");
    BgpDecodeException error = parser.error();
    List<PathAttribute> attrs = parser.attributes();
    boolean mpReach = attrs.stream().anyMatch(a -> a instanceof PathAttribute.MpReach);
    if (!nlri.isEmpty() || mpReach) {
      error = requireWellKnown(attrs, PathAttribute.ORIGIN, PathAttribute.Origin.class, error);
      error = requireWellKnown(attrs, PathAttribute.AS_PATH, PathAttribute.AsPath.class, error);
      if (!nlri.isEmpty()) {
        error = requireWellKnown(attrs, PathAttribute.NEXT_HOP, PathAttribute.NextHop.class, error);
      }
    }
    return new Update(withdrawn, attrs, nlri, error);
  }

  private static BgpDecodeException requireWellKnown(List<PathAttribute> attrs, int type,
      Class<? extends PathAttribute> cls, BgpDecodeException current) {
    if (attrs.stream().anyMatch(cls::isInstance) || (current != null && current.handling() == Handling.TREAT_AS_WITHDRAW)) {
      return current;
    }
    // RFC 7606 §3.d: a missing well-known mandatory attribute is treat-as-withdraw
    return new BgpDecodeException(ErrorCodes.UPDATE_MESSAGE, ErrorCodes.MISSING_WELL_KNOWN_ATTRIBUTE,
        new byte[] {(byte) type}, Handling.TREAT_AS_WITHDRAW, "mandatory attribute " + type + " missing");
  }

  private static List<Prefix> ipv4Prefixes(ByteBuffer in, String field) throws BgpDecodeException {
    List<Prefix> out = new ArrayList<>();
    while (in.hasRemaining()) {
      out.add(Prefix.read(in, 32, d -> BgpDecodeException.reset(ErrorCodes.UPDATE_MESSAGE,
          field.equals("NLRI") ? ErrorCodes.INVALID_NETWORK_FIELD : ErrorCodes.MALFORMED_ATTRIBUTE_LIST,
          new byte[0], field + ": " + d)));
    }
    return out;
  }

  private static void requireIpv4(Prefix p, String field) {
    if (!p.isIpv4()) {
      throw new IllegalArgumentException(field + " holds IPv4 prefixes only (IPv6 goes in MP_(UN)REACH_NLRI): " + p);
    }
  }
}
