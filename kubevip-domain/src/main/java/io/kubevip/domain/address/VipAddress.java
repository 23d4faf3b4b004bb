// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A virtual IP: one IPv4 or IPv6 address with the prefix length it is put on an interface with (default the
 * host route, /32 or /128). Multicast and link-local IPv6 are refused; the unspecified address ({@code 0.0.0.0},
 * {@code ::}) is accepted only as kube-vip's "lease this from DHCP" marker, see {@link #isDhcpMarker()}.
 *
 * <p>Ordering is by family, then numeric address, then prefix, so sorted collections and allocation are stable.
 */
public final class VipAddress implements Comparable<VipAddress> {
  private final InetAddress address;
  private final int prefixLength;
  /**
   * The address bytes, kept once: {@link InetAddress#getAddress()} copies them on every call, and VIPs are compared
   * and hashed in every reconcile pass (sets and maps of thousands of them).
   */
  private final byte[] bytes;
  private final int hash;

  private VipAddress(InetAddress address, int prefixLength) {
    this.address = address;
    this.prefixLength = prefixLength;
    this.bytes = address.getAddress();
    this.hash = spread(31 * Arrays.hashCode(bytes) + prefixLength);
  }

  /** A host VIP (/32 or /128) for {@code address}. */
  public static VipAddress of(InetAddress address) {
    return of(address, IpFamily.of(address).bits());
  }

  public static VipAddress of(InetAddress address, int prefixLength) {
    Objects.requireNonNull(address, "address");
    IpFamily family = IpFamily.of(address);
    if (prefixLength < 1 || prefixLength > family.bits()) {
      throw new InvalidVipException("prefix length /" + prefixLength + " of " + canonical(address)
          + ": expected 1.." + family.bits() + " for " + family.kubernetesName());
    }
    String text = canonical(address);
    if (address.isMulticastAddress()) {
      throw new InvalidVipException(text + ": a multicast address cannot be a VIP");
    }
    if (address instanceof Inet6Address && address.isLinkLocalAddress()) {
      throw new InvalidVipException(text + ": a link-local IPv6 address cannot be a VIP (it is not routable off the link)");
    }
    if (address.isLoopbackAddress()) {
      throw new InvalidVipException(text + ": a loopback address cannot be a VIP");
    }
    if (address.isAnyLocalAddress()) {
      throw new InvalidVipException(text + ": the unspecified address is only accepted as the DHCP marker"
          + " (see parseAllowingDhcp / dhcpMarker)");
    }
    return new VipAddress(strip(address), prefixLength);
  }

  /**
   * Parses {@code "10.0.0.5"}, {@code "10.0.0.5/32"}, {@code "fd00::5"} or {@code "fd00::5/128"}. No DNS lookup is made.
   *
   * @throws InvalidVipException naming the text and what was expected
   */
  public static VipAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidVipException("empty VIP: expected an IPv4 or IPv6 address, optionally with /prefix");
    }
    String t = text.trim();
    int slash = t.indexOf('/');
    String host = slash < 0 ? t : t.substring(0, slash);
    InetAddress address = IpLiterals.parse(host).orElseThrow(() -> new InvalidVipException(
        "'" + text + "' is not an IP address: expected an IPv4 (10.0.0.5) or IPv6 (fd00::5) address, optionally with /prefix"));
    if (slash < 0) {
      return of(address);
    }
    String prefix = t.substring(slash + 1);
    int bits = IpFamily.of(address).bits();
    int len;
    try {
      len = Integer.parseInt(prefix);
    } catch (NumberFormatException e) {
      throw new InvalidVipException("'" + text + "': prefix '" + prefix + "' is not a number, expected 1.." + bits);
    }
    return of(address, len);
  }

  /** The DHCP marker for a family: {@code 0.0.0.0/32} or {@code ::/128}. */
  public static VipAddress dhcpMarker(IpFamily family) {
    try {
      return new VipAddress(InetAddress.getByAddress(new byte[family.bits() / 8]), family.bits());
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** True for {@code 0.0.0.0} and {@code ::}: the address is to be leased from the network's DHCP server. */
  public boolean isDhcpMarker() {
    return address.isAnyLocalAddress();
  }

  /**
   * Parses like {@link #parse} but also accepts the DHCP markers {@code 0.0.0.0} and {@code ::}.
   */
  public static VipAddress parseAllowingDhcp(String text) {
    String host = text == null ? "" : text.trim();
    int slash = host.indexOf('/');
    String bare = slash < 0 ? host : host.substring(0, slash);
    var literal = IpLiterals.parse(bare);
    if (literal.isPresent() && literal.get().isAnyLocalAddress()) {
      IpFamily family = IpFamily.of(literal.get());
      if (slash >= 0 && !host.substring(slash + 1).equals(String.valueOf(family.bits()))) {
        throw new InvalidVipException("'" + text + "': the DHCP marker takes no prefix other than /" + family.bits());
      }
      return dhcpMarker(family);
    }
    return parse(text);
  }

  public InetAddress address() {
    return address;
  }

  public int prefixLength() {
    return prefixLength;
  }

  public IpFamily family() {
    return IpFamily.of(address);
  }

  /** True when this VIP is a host route (/32 or /128). */
  public boolean isHostRoute() {
    return prefixLength == family().bits();
  }

  /** The canonical address text without prefix: dotted quad, or RFC 5952 compressed lower-case IPv6. */
  public String hostText() {
    return canonical(address);
  }

  private static String canonical(InetAddress a) {
    return a instanceof Inet6Address ? Ipv6Text.compress(a.getAddress()) : a.getHostAddress();
  }

  /** Canonical form {@code address/prefix}, e.g. {@code 10.0.0.5/32}, {@code fd00::5/128}. */
  @Override
  public String toString() {
    return hostText() + "/" + prefixLength;
  }

  @Override
  public int compareTo(VipAddress o) {
    int c = Integer.compare(bytes.length, o.bytes.length); // IPv4 (4 bytes) before IPv6 (16), as the families
    if (c != 0) {
      return c;
    }
    c = Arrays.compareUnsigned(bytes, o.bytes);
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VipAddress v && v.hash == hash && v.prefixLength == prefixLength
        && Arrays.equals(v.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Neighbouring addresses have neighbouring {@link Arrays#hashCode} values; open-addressing tables ({@code Set.of},
   * {@code Map.copyOf}) then pile them into one run and a miss probes all of it. Mixing the bits (MurmurHash3's
   * finaliser) spreads them.
   */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  // Drop scope ids and host names so equality is by numeric value only.
  private static InetAddress strip(InetAddress a) {
    try {
      return InetAddress.getByAddress(a.getAddress());
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
