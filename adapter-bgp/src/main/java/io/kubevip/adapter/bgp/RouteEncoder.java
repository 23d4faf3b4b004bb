// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.AsFormat;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.PathAttribute;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.Update;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns prefixes into UPDATEs for one session: ORIGIN IGP, AS_PATH empty for iBGP or our AS for eBGP (with
 * AS4_PATH on a 2-octet session, RFC 6793 §4.2.2), LOCAL_PREF for iBGP, the peer's communities, and as many
 * prefixes per UPDATE as fit in 4096 octets.
 */
final class RouteEncoder {
  private static final Logger log = LoggerFactory.getLogger(RouteEncoder.class);
  private static final long DEFAULT_LOCAL_PREF = 100;

  private final BgpSpeakerConfig speaker;
  private final BgpPeerConfig peer;
  private final Negotiated session;
  private final Inet4Address nextHop4;
  private final Inet6Address nextHop6;

  RouteEncoder(BgpSpeakerConfig speaker, BgpPeerConfig peer, Negotiated session) {
    this.speaker = speaker;
    this.peer = peer;
    this.session = session;
    this.nextHop4 = peer.nextHopIpv4() != null ? peer.nextHopIpv4()
        : session.localAddress() instanceof Inet4Address a ? a : null;
    this.nextHop6 = peer.nextHopIpv6() != null ? peer.nextHopIpv6()
        : session.localAddress() instanceof Inet6Address a && !a.isLinkLocalAddress() ? a
        : globalIpv6Beside(session.localAddress());
    if (session.ipv6() && nextHop6 == null) {
      log.warn("BGP peer {}: no IPv6 next hop (session is {}, no global IPv6 address beside it and none "
          + "configured): IPv6 VIPs are not announced to this peer", peer.describe(),
          session.localAddress().getHostAddress());
    }
    if (session.ipv4() && nextHop4 == null) {
      log.warn("BGP peer {}: no IPv4 next hop (session is IPv6 and none configured): IPv4 VIPs are not announced"
          + " to this peer", peer.describe());
    }
  }

  /** Whether routes of {@code family} can go to this peer (negotiated and with a next hop). */
  boolean carries(AfiSafi family) {
    return family.equals(AfiSafi.IPV4_UNICAST) ? session.ipv4() && nextHop4 != null
        : family.equals(AfiSafi.IPV6_UNICAST) && session.ipv6() && nextHop6 != null;
  }

  List<Update> announce(Collection<Prefix> prefixes) {
    List<Update> out = new ArrayList<>();
    List<Prefix> v4 = of(prefixes, AfiSafi.IPV4_UNICAST);
    List<Prefix> v6 = of(prefixes, AfiSafi.IPV6_UNICAST);
    if (!v4.isEmpty()) {
      pack(v4, chunk -> new Update(List.of(), attributes(new PathAttribute.NextHop(nextHop4), null), chunk), out);
    }
    if (!v6.isEmpty()) {
      pack(v6, chunk -> new Update(List.of(), attributes(null,
          new PathAttribute.MpReach(AfiSafi.IPV6_UNICAST, List.of(nextHop6), chunk)), List.of()), out);
    }
    return out;
  }

  List<Update> withdraw(Collection<Prefix> prefixes) {
    List<Update> out = new ArrayList<>();
    List<Prefix> v4 = of(prefixes, AfiSafi.IPV4_UNICAST);
    List<Prefix> v6 = of(prefixes, AfiSafi.IPV6_UNICAST);
    if (!v4.isEmpty()) {
      pack(v4, chunk -> new Update(chunk, List.of(), List.of()), out);
    }
    if (!v6.isEmpty()) {
      pack(v6, chunk -> new Update(List.of(),
          List.of(new PathAttribute.MpUnreach(AfiSafi.IPV6_UNICAST, chunk)), List.of()), out);
    }
    return out;
  }

  List<Update> endOfRib() {
    List<Update> out = new ArrayList<>();
    if (session.ipv4()) {
      out.add(Update.endOfRib(AfiSafi.IPV4_UNICAST));
    }
    if (session.ipv6()) {
      out.add(Update.endOfRib(AfiSafi.IPV6_UNICAST));
    }
    return out;
  }

  private List<Prefix> of(Collection<Prefix> prefixes, AfiSafi family) {
    if (!carries(family)) {
      return List.of();
    }
    List<Prefix> out = new ArrayList<>(prefixes.size());
    for (Prefix p : prefixes) {
      if (p.family().equals(family)) {
        out.add(p);
      }
    }
    out.sort(NUMERIC); // a stable order on the wire (tests, captures), cheap to compute
    return out;
  }

  /** Address octets, then length: numeric order without building strings. */
  private static final Comparator<Prefix> NUMERIC = (a, b) -> {
    int c = Arrays.compareUnsigned(a.address().getAddress(), b.address().getAddress());
    return c != 0 ? c : Integer.compare(a.length(), b.length());
  };

  private List<PathAttribute> attributes(PathAttribute.NextHop nextHop, PathAttribute.MpReach mpReach) {
    List<PathAttribute> a = new ArrayList<>();
    a.add(PathAttribute.Origin.IGP);
    if (session.ibgp()) {
      a.add(PathAttribute.AsPath.EMPTY);
    } else {
      a.add(PathAttribute.AsPath.sequence(speaker.localAs()));
    }
    if (nextHop != null) {
      a.add(nextHop);
    }
    if (session.ibgp()) {
      a.add(new PathAttribute.LocalPref(peer.localPref() == null ? DEFAULT_LOCAL_PREF : peer.localPref()));
    }
    if (!peer.communities().isEmpty()) {
      a.add(new PathAttribute.Communities(peer.communities()));
    }
    if (mpReach != null) {
      a.add(mpReach);
    }
    if (!session.ibgp() && session.asFormat() == AsFormat.TWO_OCTET && speaker.localAs() > 0xffff) {
      a.add(new PathAttribute.As4Path(PathAttribute.AsPath.sequence(speaker.localAs()).segments()));
    }
    if (!peer.largeCommunities().isEmpty()) {
      a.add(new PathAttribute.LargeCommunities(peer.largeCommunities()));
    }
    return a;
  }

  /**
   * Fills each UPDATE with as many prefixes as fit RFC 4271's 4096 octets: the size without prefixes is measured
   * once (plus one octet in case an attribute grows into the extended length), then each prefix adds its wire
   * length. Every UPDATE is checked once more; one that does not fit (it cannot, but the check is cheap) is
   * split in halves.
   */
  private void pack(List<Prefix> prefixes, Function<List<Prefix>, Update> build, List<Update> out) {
    int budget = BgpMessage.MAX_LENGTH - build.apply(List.of()).encode(session.asFormat()).length - 1;
    int from = 0;
    while (from < prefixes.size()) {
      int used = 0;
      int to = from;
      while (to < prefixes.size() && (to == from || used + prefixes.get(to).wireLength() <= budget)) {
        used += prefixes.get(to).wireLength();
        to++;
      }
      halve(prefixes.subList(from, to), build, out);
      from = to;
    }
  }

  private void halve(List<Prefix> prefixes, Function<List<Prefix>, Update> build, List<Update> out) {
    Update u = build.apply(prefixes);
    if (prefixes.size() == 1 || fits(u)) {
      out.add(u);
      return;
    }
    int half = prefixes.size() / 2;
    halve(prefixes.subList(0, half), build, out);
    halve(prefixes.subList(half, prefixes.size()), build, out);
  }

  private boolean fits(Update u) {
    try {
      return u.encode(session.asFormat()).length <= BgpMessage.MAX_LENGTH;
    } catch (IllegalArgumentException tooLong) {
      return false;
    }
  }

  /** A global IPv6 address on the interface that holds {@code local}, for IPv6 routes over an IPv4 session. */
  private static Inet6Address globalIpv6Beside(InetAddress local) {
    try {
      NetworkInterface nif = NetworkInterface.getByInetAddress(local);
      if (nif == null) {
        return null;
      }
      for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
        if (ia.getAddress() instanceof Inet6Address a && !a.isLinkLocalAddress() && !a.isLoopbackAddress()) {
          return a;
        }
      }
    } catch (SocketException e) {
      log.debug("looking up IPv6 addresses beside {}: {}", local, e.toString());
    }
    return null;
  }
}
