// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 4271 §4.2 OPEN, version 4, with capabilities in one optional parameter of type 2 (RFC 5492). {@code myAs}
 * is the 2-octet field: AS_TRANS when the real AS (in {@link Capability.FourOctetAs}) is above 65535.
 */
public record Open(int myAs, int holdTime, Inet4Address bgpIdentifier, List<Capability> capabilities)
    implements BgpMessage {
  public static final int VERSION = 4;
  static final int PARAM_CAPABILITIES = 2;

  public Open {
    if (myAs < 0 || myAs > 0xffff) {
      throw new IllegalArgumentException("OPEN My Autonomous System must be 0..65535, was " + myAs);
    }
    if (holdTime < 0 || holdTime > 0xffff || holdTime == 1 || holdTime == 2) {
      throw new IllegalArgumentException("hold time must be 0 or 3..65535 s (RFC 4271 §4.2), was " + holdTime);
    }
    Objects.requireNonNull(bgpIdentifier, "bgpIdentifier");
    capabilities = List.copyOf(capabilities);
  }

  /** An OPEN for {@code asNumber}, adding the 4-octet AS capability and AS_TRANS as RFC 6793 §4.1 says. */
  public static Open of(long asNumber, int holdTime, Inet4Address bgpIdentifier, List<Capability> capabilities) {
    List<Capability> caps = new ArrayList<>(capabilities);
    if (caps.stream().noneMatch(c -> c instanceof Capability.FourOctetAs)) {
      caps.add(new Capability.FourOctetAs(asNumber));
    }
    int field = asNumber > 0xffff ? AsFormat.AS_TRANS : (int) asNumber;
    return new Open(field, holdTime, bgpIdentifier, caps);
  }

  /** The sender's AS: from the 4-octet AS capability when present, else the 2-octet field. */
  public long asNumber() {
    return fourOctetAs().orElse((long) myAs);
  }

  public Optional<Long> fourOctetAs() {
    return capabilities.stream().filter(c -> c instanceof Capability.FourOctetAs)
        .map(c -> ((Capability.FourOctetAs) c).asNumber()).findFirst();
  }

  public boolean supportsFamily(AfiSafi family) {
    boolean anyMp = capabilities.stream().anyMatch(c -> c instanceof Capability.Multiprotocol);
    if (!anyMp) {
      return family.equals(AfiSafi.IPV4_UNICAST); // RFC 4760 §8: no MP capability means IPv4 unicast only
    }
    return capabilities.contains(new Capability.Multiprotocol(family));
  }

  public boolean supportsRouteRefresh() {
    return capabilities.stream().anyMatch(c -> c instanceof Capability.RouteRefreshSupport);
  }

  @Override
  public int type() {
    return TYPE_OPEN;
  }

  @Override
  public byte[] encode(AsFormat format) {
    ByteBuffer caps = ByteBuffer.allocate(4096);
    for (Capability c : capabilities) {
      byte[] v = c.value();
      if (v.length > 255) {
        throw new IllegalArgumentException("capability " + c.code() + " value of " + v.length + " octets exceeds 255");
      }
      caps.put((byte) c.code()).put((byte) v.length).put(v);
    }
    caps.flip();
    if (caps.remaining() > 253) {
      throw new IllegalArgumentException("capabilities take " + caps.remaining() + " octets; at most 253 fit"
          + " one optional parameter");
    }
    ByteBuffer b = ByteBuffer.allocate(10 + (caps.hasRemaining() ? 2 + caps.remaining() : 0));
    b.put((byte) VERSION).putShort((short) myAs).putShort((short) holdTime).put(bgpIdentifier.getAddress());
    if (caps.hasRemaining()) {
      b.put((byte) (2 + caps.remaining())).put((byte) PARAM_CAPABILITIES).put((byte) caps.remaining()).put(caps);
    } else {
      b.put((byte) 0);
    }
    b.flip();
    return Framing.frame(TYPE_OPEN, b);
  }

  static Open decode(ByteBuffer body) throws BgpDecodeException {
    int version = body.get() & 0xff;
    if (version != VERSION) {
      throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, ErrorCodes.UNSUPPORTED_VERSION_NUMBER,
          new byte[] {0, VERSION}, "BGP version " + version + ", only 4 is supported");
    }
    int myAs = body.getShort() & 0xffff;
    int hold = body.getShort() & 0xffff;
    byte[] id = new byte[4];
    body.get(id);
    int optLen = body.get() & 0xff;
    if (optLen != body.remaining()) {
      throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, 0, new byte[0],
          "optional parameters length " + optLen + " but " + body.remaining() + " octets follow");
    }
    List<Capability> caps = new ArrayList<>();
    while (body.hasRemaining()) {
      if (body.remaining() < 2) {
        throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, 0, new byte[0], "optional parameter truncated");
      }
      int type = body.get() & 0xff;
      int len = body.get() & 0xff;
      if (len > body.remaining()) {
        throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, 0, new byte[0],
            "optional parameter " + type + " length " + len + " exceeds the " + body.remaining() + " octets left");
      }
      ByteBuffer value = body.slice(body.position(), len);
      body.position(body.position() + len);
      if (type != PARAM_CAPABILITIES) {
        throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, ErrorCodes.UNSUPPORTED_OPTIONAL_PARAMETER,
            new byte[0], "optional parameter type " + type + " (only 2, capabilities, is supported)");
      }
      while (value.hasRemaining()) {
        caps.add(Capability.read(value));
      }
    }
    if (hold == 1 || hold == 2) {
      throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, ErrorCodes.UNACCEPTABLE_HOLD_TIME, new byte[0],
          "hold time " + hold + " s (must be 0 or at least 3)");
    }
    if (id[0] == 0 && id[1] == 0 && id[2] == 0 && id[3] == 0) {
      throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, ErrorCodes.BAD_BGP_IDENTIFIER, new byte[0],
          "BGP identifier 0.0.0.0");
    }
    Open open = new Open(myAs, hold, toInet4(id), caps);
    if (open.asNumber() == 0 || myAs == 0) {
      throw BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, ErrorCodes.BAD_PEER_AS, new byte[0],
          "AS number 0 is reserved (RFC 7607)");
    }
    return open;
  }

  private static Inet4Address toInet4(byte[] id) {
    try {
      return (Inet4Address) InetAddress.getByAddress(id);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
