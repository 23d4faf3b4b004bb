// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An interface address, both as a request and as the kernel reports it.
 *
 * @param linkIndex 0 in requests (the link is named separately)
 * @param scope RT_SCOPE_* ({@code 0} global, {@code 253} link, {@code 254} host)
 * @param label IFA_LABEL (IPv4 only), or empty
 * @param flags IFA_F_* bits
 * @param protocol IFA_PROTO: who added it; {@code 0} unknown (kernel before 6.1 or iproute2)
 */
public record Addr(
    int linkIndex,
    InetAddress address,
    int prefixLength,
    int scope,
    String label,
    int flags,
    int protocol) {
  public static final int IFA_F_NODAD = 0x02;
  public static final int IFA_F_DADFAILED = 0x08;
  public static final int IFA_F_TENTATIVE = 0x40;
  public static final int IFA_F_PERMANENT = 0x80;
  public static final int IFA_F_NOPREFIXROUTE = 0x200;

  public Addr {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(label, "label");
    int max = address instanceof Inet6Address ? 128 : 32;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException(
          "prefix length of " + address.getHostAddress() + " must be 0.." + max + ", was " + prefixLength);
    }
  }

  /** Parses {@code 10.99.0.50/32} or {@code fd99::50/128}; a missing prefix means a host address. */
  public static Addr parse(String cidr) {
    int slash = cidr.indexOf('/');
    String ip = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!ip.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("address '" + cidr + "' is not an IP literal like 10.99.0.50/32");
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address '" + cidr + "' is not an IP literal like 10.99.0.50/32");
    }
    int max = a instanceof Inet6Address ? 128 : 32;
    int prefix;
    try {
      prefix = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("prefix of '" + cidr + "' must be a number 0.." + max);
    }
    return new Addr(0, a, prefix, 0, "", 0, 0);
  }

  public Addr withFlags(int f) {
    return new Addr(linkIndex, address, prefixLength, scope, label, f, protocol);
  }

  /** Skip duplicate address detection (IPv6), so the address is usable at once. */
  public Addr withNoDad() {
    return withFlags(flags | IFA_F_NODAD);
  }

  public Addr withScope(int s) {
    return new Addr(linkIndex, address, prefixLength, s, label, flags, protocol);
  }

  public Addr withLabel(String l) {
    return new Addr(linkIndex, address, prefixLength, scope, l, flags, protocol);
  }

  public Addr withProtocol(int p) {
    return new Addr(linkIndex, address, prefixLength, scope, label, flags, p);
  }

  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  /** Still doing DAD: not usable as a source and not answering NS yet. */
  public boolean isTentative() {
    return (flags & IFA_F_TENTATIVE) != 0;
  }

  /** DAD found another owner; the kernel will never use this address. */
  public boolean isDadFailed() {
    return (flags & IFA_F_DADFAILED) != 0;
  }

  /** Same address and prefix, ignoring link, flags and labels. */
  public boolean sameAs(Addr other) {
    return address.equals(other.address) && prefixLength == other.prefixLength;
  }

  /** {@code 10.99.0.50/32}. */
  public String cidr() {
    return IpText.format(address) + "/" + prefixLength;
  }
}
