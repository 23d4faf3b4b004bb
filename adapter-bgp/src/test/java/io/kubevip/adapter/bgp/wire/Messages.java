// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Sample messages of every type, used by round-trip and fuzz tests as seeds. */
final class Messages {
  private Messages() {}

  static Inet4Address v4(String s) {
    try {
      return (Inet4Address) InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  static Open open() {
    return Open.of(4200000001L, 3, v4("10.99.0.11"), List.of(
        new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
        new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST),
        new Capability.RouteRefreshSupport(),
        new Capability.GracefulRestart(false, 120, List.of(
            new Capability.GracefulRestart.Family(AfiSafi.IPV4_UNICAST, true))),
        new Capability.Unknown(73, Octets.of((byte) 4, (byte) 'n', (byte) 'o', (byte) 'd', (byte) 'e'))));
  }

  static Update ipv4Announce() {
    return new Update(List.of(Prefix.of("10.99.100.9/32")), List.of(
        PathAttribute.Origin.IGP,
        PathAttribute.AsPath.sequence(4200000001L, 65000),
        new PathAttribute.NextHop(v4("10.99.0.11")),
        new PathAttribute.MultiExitDisc(7),
        new PathAttribute.LocalPref(200),
        new PathAttribute.AtomicAggregate(),
        new PathAttribute.Aggregator(65001, v4("10.99.0.11")),
        new PathAttribute.Communities(List.of(PathAttribute.Communities.parse("65000:100"), 0xFFFFFF01L)),
        new PathAttribute.LargeCommunities(List.of(PathAttribute.LargeCommunity.parse("4200000001:1:2"))),
        new PathAttribute.Unknown(PathAttribute.OPTIONAL_TRANSITIVE | PathAttribute.FLAG_PARTIAL, 99,
            Octets.of((byte) 1, (byte) 2))),
        List.of(Prefix.of("10.99.100.1/32"), Prefix.of("10.99.101.0/24"), Prefix.of("0.0.0.0/0")));
  }

  static Update ipv6Announce() {
    return new Update(List.of(), List.of(
        PathAttribute.Origin.IGP,
        PathAttribute.AsPath.EMPTY,
        new PathAttribute.MpReach(AfiSafi.IPV6_UNICAST, List.of(ip("fd99::11"), ip("fe80::1")),
            List.of(Prefix.of("fd99:100::1/128"), Prefix.of("2001:db8::/32")))),
        List.of());
  }

  static Update ipv6Withdraw() {
    return new Update(List.of(), List.of(new PathAttribute.MpUnreach(AfiSafi.IPV6_UNICAST,
        List.of(Prefix.of("fd99:100::1/128")))), List.of());
  }

  static List<BgpMessage> all() {
    return List.of(open(), ipv4Announce(), ipv6Announce(), ipv6Withdraw(),
        Update.endOfRib(AfiSafi.IPV4_UNICAST), Update.endOfRib(AfiSafi.IPV6_UNICAST),
        Keepalive.INSTANCE, Notification.shutdown("maintenance: node drained"),
        new Notification(ErrorCodes.OPEN_MESSAGE, ErrorCodes.UNSUPPORTED_VERSION_NUMBER, Octets.of((byte) 0, (byte) 4)),
        new RouteRefresh(AfiSafi.IPV6_UNICAST));
  }
}
