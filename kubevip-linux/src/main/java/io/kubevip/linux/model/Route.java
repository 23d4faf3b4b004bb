// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route, both as a request and as the kernel reports it.
 *
 * @param gateway next hop, or null for a directly connected route
 * @param outputLinkIndex RTA_OIF, 0 when none
 * @param table routing table id (254 main, 255 local; above 255 travels in RTA_TABLE)
 * @param protocol RTPROT_* / rt_protos id (kubevip uses e.g. 248) so our routes can be told apart
 * @param type RTN_* ({@code 1} unicast, {@code 2} local)
 * @param scope RT_SCOPE_* ({@code 0} universe, {@code 253} link, {@code 254} host)
 * @param priority RTA_PRIORITY (metric), 0 when unset
 */
public record Route(
    InetAddress destination,
    int prefixLength,
    InetAddress gateway,
    int outputLinkIndex,
    int table,
    int protocol,
    int type,
    int scope,
    int priority) {
  public static final int RTN_UNICAST = 1;
  public static final int RTN_LOCAL = 2;
  public static final int RT_SCOPE_UNIVERSE = 0;
  public static final int RT_SCOPE_LINK = 253;
  public static final int RT_SCOPE_HOST = 254;
  public static final int RT_TABLE_MAIN = 254;
  public static final int RTPROT_BOOT = 3;

  public Route {
    Objects.requireNonNull(destination, "destination");
    int max = destination instanceof Inet6Address ? 128 : 32;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("route prefix length must be 0.." + max + ", was " + prefixLength);
    }
    if (table < 0) {
      throw new IllegalArgumentException("route table must be 0 (unspecified) or a positive id, was " + table);
    }
    if (protocol < 0 || protocol > 255 || type < 0 || type > 255 || scope < 0 || scope > 255) {
      throw new IllegalArgumentException("route protocol, type and scope must be 0..255");
    }
  }

  /** A unicast route to {@code cidr} in the main table, protocol boot, universe scope. */
  public static Route to(String cidr) {
    Addr a = Addr.parse(cidr);
    return new Route(a.address(), a.prefixLength(), null, 0, RT_TABLE_MAIN, RTPROT_BOOT, RTN_UNICAST,
        RT_SCOPE_UNIVERSE, 0);
  }

  public Route inTable(int t) {
    return new Route(destination, prefixLength, gateway, outputLinkIndex, t, protocol, type, scope, priority);
  }

  public Route withProtocol(int p) {
    return new Route(destination, prefixLength, gateway, outputLinkIndex, table, p, type, scope, priority);
  }

  public Route withType(int t) {
    return new Route(destination, prefixLength, gateway, outputLinkIndex, table, protocol, t, scope, priority);
  }

  public Route withScope(int s) {
    return new Route(destination, prefixLength, gateway, outputLinkIndex, table, protocol, type, s, priority);
  }

  public Route via(InetAddress gw) {
    return new Route(destination, prefixLength, gw, outputLinkIndex, table, protocol, type, scope, priority);
  }

  public Route withOutputLink(int index) {
    return new Route(destination, prefixLength, gateway, index, table, protocol, type, scope, priority);
  }

  public Route withPriority(int p) {
    return new Route(destination, prefixLength, gateway, outputLinkIndex, table, protocol, type, scope, p);
  }

  public boolean isIpv6() {
    return destination instanceof Inet6Address;
  }

  public String cidr() {
    return IpText.format(destination) + "/" + prefixLength;
  }
}
