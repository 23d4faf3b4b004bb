// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An RFC 5492 capability advertised in OPEN; unknown codes are kept opaque and ignored, as §3 asks. */
public sealed interface Capability {
  int CODE_MULTIPROTOCOL = 1;
  int CODE_ROUTE_REFRESH = 2;
  int CODE_GRACEFUL_RESTART = 64;
  int CODE_FOUR_OCTET_AS = 65;

  int code();

  /** The capability value (without code and length octets). */
  byte[] value();

  /** RFC 4760 §8: we exchange routes of this family. */
  record Multiprotocol(AfiSafi family) implements Capability {
    public Multiprotocol {
      Objects.requireNonNull(family, "family");
    }

    @Override
    public int code() {
      return CODE_MULTIPROTOCOL;
    }

    @Override
    public byte[] value() {
      return new byte[] {(byte) (family.afi() >> 8), (byte) family.afi(), 0, (byte) family.safi()};
    }
  }

  /** RFC 2918 §2: we accept ROUTE-REFRESH. */
  record RouteRefreshSupport() implements Capability {
    @Override
    public int code() {
      return CODE_ROUTE_REFRESH;
    }

    @Override
    public byte[] value() {
      return new byte[0];
    }
  }

  /** RFC 6793 §3: our real AS number, which may exceed 65535. */
  record FourOctetAs(long asNumber) implements Capability {
    public FourOctetAs {
      if (asNumber < 0 || asNumber > 0xffffffffL) {
        throw new IllegalArgumentException("AS number must be 0..4294967295, was " + asNumber);
      }
    }

    @Override
    public int code() {
      return CODE_FOUR_OCTET_AS;
    }

    @Override
    public byte[] value() {
      return ByteBuffer.allocate(4).putInt((int) asNumber).array();
    }
  }

  /**
   * RFC 4724 §3: restart state (R bit), restart time in seconds (12 bits) and the families whose forwarding
   * state is kept. An announce-only speaker sends it without families, so the peer keeps our routes while we
   * restart... and only for {@code restartTime}.
   */
  record GracefulRestart(boolean restarting, int restartTime, List<Family> families) implements Capability {
    /** One preserved family with its F (forwarding state kept) bit. */
    public record Family(AfiSafi family, boolean forwardingPreserved) {}

    public GracefulRestart {
      if (restartTime < 0 || restartTime > 0xfff) {
        throw new IllegalArgumentException("graceful restart time must be 0..4095 s, was " + restartTime);
      }
      families = List.copyOf(families);
    }

    @Override
    public int code() {
      return CODE_GRACEFUL_RESTART;
    }

    @Override
    public byte[] value() {
      ByteBuffer b = ByteBuffer.allocate(2 + 4 * families.size());
      b.putShort((short) ((restarting ? 0x8000 : 0) | restartTime));
      for (Family f : families) {
        b.putShort((short) f.family().afi()).put((byte) f.family().safi()).put((byte) (f.forwardingPreserved() ? 0x80 : 0));
      }
      return b.array();
    }
  }

  /** Any other capability, kept as received. */
  record Unknown(int code, Octets data) implements Capability {
    public Unknown {
      if (code < 0 || code > 255) {
        throw new IllegalArgumentException("capability code must be 0..255, was " + code);
      }
    }

    @Override
    public byte[] value() {
      return data.toArray();
    }
  }

  /** Reads one capability TLV; a known code with a wrong length is an OPEN error the peer must hear about. */
  static Capability read(ByteBuffer in) throws BgpDecodeException {
    if (in.remaining() < 2) {
      throw malformed("capability header truncated");
    }
    int code = in.get() & 0xff;
    int len = in.get() & 0xff;
    if (len > in.remaining()) {
      throw malformed("capability " + code + " length " + len + " exceeds the " + in.remaining() + " octets left");
    }
    ByteBuffer v = in.slice(in.position(), len);
    in.position(in.position() + len);
    switch (code) {
      case CODE_MULTIPROTOCOL:
        requireLength(code, len, len == 4);
        return new Multiprotocol(new AfiSafi(v.getShort() & 0xffff, v.get(3) & 0xff));
      case CODE_ROUTE_REFRESH:
        requireLength(code, len, len == 0);
        return new RouteRefreshSupport();
      case CODE_FOUR_OCTET_AS:
        requireLength(code, len, len == 4);
        return new FourOctetAs(v.getInt() & 0xffffffffL);
      case CODE_GRACEFUL_RESTART: {
        requireLength(code, len, len >= 2 && (len - 2) % 4 == 0);
        int head = v.getShort() & 0xffff;
        List<GracefulRestart.Family> fams = new ArrayList<>();
        while (v.hasRemaining()) {
          int afi = v.getShort() & 0xffff;
          int safi = v.get() & 0xff;
          fams.add(new GracefulRestart.Family(new AfiSafi(afi, safi), (v.get() & 0x80) != 0));
        }
        return new GracefulRestart((head & 0x8000) != 0, head & 0xfff, fams);
      }
      default: {
        byte[] d = new byte[len];
        v.get(d);
        return new Unknown(code, Octets.of(d));
      }
    }
  }

  private static void requireLength(int code, int len, boolean ok) throws BgpDecodeException {
    if (!ok) {
      throw malformed("capability " + code + " has invalid length " + len);
    }
  }

  private static BgpDecodeException malformed(String detail) {
    return BgpDecodeException.reset(ErrorCodes.OPEN_MESSAGE, 0, new byte[0], detail);
  }
}
