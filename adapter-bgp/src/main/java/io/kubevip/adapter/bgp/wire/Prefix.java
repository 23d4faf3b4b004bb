// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An NLRI prefix: RFC 4271 §4.3 length-in-bits octet followed by the fewest octets holding that many bits. Host
 * bits are cleared on construction, so two spellings of a prefix are equal and encode identically.
 */
public record Prefix(InetAddress address, int length) {
  public Prefix {
    Objects.requireNonNull(address, "address");
    int bits = bits(address);
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length /" + length + " of " + address.getHostAddress()
          + ": expected 0.." + bits);
    }
    address = mask(address.getAddress(), length);
  }

  public static Prefix of(String text) {
    int slash = text.indexOf('/');
    try {
      InetAddress a = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash));
      return new Prefix(a, slash < 0 ? bits(a) : Integer.parseInt(text.substring(slash + 1)));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("prefix '" + text + "': expected address/length", e);
    }
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  public AfiSafi family() {
    return isIpv4() ? AfiSafi.IPV4_UNICAST : AfiSafi.IPV6_UNICAST;
  }

  /** Octets this prefix takes on the wire. */
  public int wireLength() {
    return 1 + (length + 7) / 8;
  }

  public void writeTo(ByteBuffer out) {
    out.put((byte) length);
    out.put(address.getAddress(), 0, (length + 7) / 8);
  }

  /**
   * Reads one prefix of a family with {@code addressBits} bits, or throws {@code error} (filled in by the caller
   * with the code/subcode its field calls for) when the length octet or the octets behind it do not fit.
   */
  static Prefix read(ByteBuffer in, int addressBits, ErrorFactory error) throws BgpDecodeException {
    int length = in.get() & 0xff;
    int octets = (length + 7) / 8;
    if (length > addressBits) {
      throw error.create("prefix length /" + length + " exceeds " + addressBits + " bits");
    }
    if (octets > in.remaining()) {
      throw error.create("prefix /" + length + " needs " + octets + " octets, " + in.remaining() + " left");
    }
    byte[] raw = new byte[addressBits / 8];
    in.get(raw, 0, octets);
    return new Prefix(mask(raw, length), length);
  }

  /** Builds the decode error for a malformed prefix. */
  @FunctionalInterface
  interface ErrorFactory {
    BgpDecodeException create(String detail);
  }

  private static int bits(InetAddress a) {
    return a instanceof Inet6Address ? 128 : 32;
  }

  private static InetAddress mask(byte[] raw, int length) {
    byte[] b = raw.clone();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, length - 8 * i));
      b[i] &= (byte) (0xff << (8 - keep));
    }
    return fromOctets(b);
  }

  /** An address from raw octets; 16 octets stay an {@link Inet6Address} even when IPv4-mapped. */
  static InetAddress fromOctets(byte[] b) {
    try {
      return b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of " + b.length + " octets", e);
    }
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + length;
  }
}
