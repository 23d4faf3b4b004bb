// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.adapter.bgp.BgpPeerConfig;
import io.kubevip.adapter.bgp.BgpSpeakerConfig;
import io.kubevip.app.config.BgpPeer;
import io.kubevip.app.settings.BgpSettings;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * kube-vip's BGP settings to the adapter's records, in one place so the rules are tested without a network:
 * multihop is TTL 50 (what kube-vip gives GoBGP), keepalive and hold time apply to every peer, the session source
 * is {@code bgp_sourceip} or the first address of {@code bgp_sourceif} of the peer's family, and the MP-BGP next
 * hop follows {@code mpbgp_nexthop} (per peer overriding the global one). A structured peer
 * ({@code kubevip.bgp.peers[]}) may override hold time, keepalive and source, and carries its own communities and
 * local preference, which reach that peer's UPDATEs only.
 */
public final class BgpTranslation {
  /** kube-vip sets GoBGP's EbgpMultihop TTL to 50 when {@code bgp_multihop} is on. */
  public static final int MULTIHOP_TTL = 50;
  /** Sent in the Cease/Administrative Shutdown NOTIFICATION (RFC 9003) when the manager stops. */
  public static final String SHUTDOWN_MESSAGE = "kube-vip shutting down";

  private BgpTranslation() {}

  /** Speaker-wide config: our AS and router ID, host routes, kube-vip's shutdown message, graceful restart. */
  public static BgpSpeakerConfig speaker(BgpSettings s, Inet4Address routerId) {
    return BgpSpeakerConfig.of(s.localAs(), routerId).withShutdownMessage(SHUTDOWN_MESSAGE)
        .withGracefulRestart(s.gracefulRestartTime());
  }

  /**
   * {@code bgp_routerid}, else the first IPv4 address of {@code bgp_routerinterface}, else {@code bgp_sourceip}
   * when IPv4, else the first IPv4 address of {@code bgp_sourceif}.
   *
   * @param interfaceAddresses addresses of a named interface (empty when it does not exist)
   */
  public static Inet4Address routerId(BgpSettings s, BgpSpeakerInputs in,
      Function<String, List<InetAddress>> interfaceAddresses) {
    if (s.routerId() != null) {
      InetAddress a = literal(s.routerId(), "bgp_routerid");
      if (a instanceof Inet4Address v4) {
        return v4;
      }
      throw new IllegalArgumentException("bgp_routerid '" + s.routerId() + "' is not IPv4; expected e.g. 192.0.2.1");
    }
    if (in.routerInterface() != null) {
      return firstV4(interfaceAddresses.apply(in.routerInterface())).orElseThrow(() -> new IllegalArgumentException(
          "bgp_routerinterface '" + in.routerInterface() + "' has no IPv4 address to take the router ID from"));
    }
    if (in.sourceIp() != null && literal(in.sourceIp(), "bgp_sourceip") instanceof Inet4Address v4) {
      return v4;
    }
    if (in.sourceIf() != null) {
      Optional<Inet4Address> a = firstV4(interfaceAddresses.apply(in.sourceIf()));
      if (a.isPresent()) {
        return a.get();
      }
    }
    throw new IllegalArgumentException("no BGP router ID: expected bgp_routerid (e.g. 192.0.2.1) or"
        + " bgp_routerinterface naming an interface with an IPv4 address");
  }

  /** One adapter peer per configured peer, in configuration order. */
  public static List<BgpPeerConfig> peers(BgpSettings s, BgpSpeakerInputs in,
      Function<String, List<InetAddress>> interfaceAddresses) {
    List<BgpPeerConfig> out = new ArrayList<>();
    for (int i = 0; i < s.peers().size(); i++) {
      BgpPeer p = s.peers().get(i);
      try {
        out.add(peer(s, in, p, interfaceAddresses));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("BGP peer " + (i + 1) + " (" + p + "): " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static BgpPeerConfig peer(BgpSettings s, BgpSpeakerInputs in, BgpPeer p,
      Function<String, List<InetAddress>> interfaceAddresses) {
    Duration hold = p.holdTime() != null ? p.holdTime() : s.holdTime();
    Duration keepalive = p.keepalive() != null ? p.keepalive() : s.keepaliveInterval();
    BgpPeerConfig.Builder b = BgpPeerConfig.builder(p.address(), p.as()).port(p.port()).password(p.password())
        .holdTime(hold);
    if (!hold.isZero() && keepalive != null && !keepalive.isZero()) {
      b.keepalive(keepalive);
    }
    if (p.multihop()) {
      b.multihopTtl(MULTIHOP_TTL);
    }
    b.communities(p.communities().toArray(String[]::new));
    b.largeCommunities(p.largeCommunities().toArray(String[]::new));
    if (p.localPref() != null) {
      b.localPref(p.localPref());
    }
    BgpSpeakerInputs peerSource = p.sourceAddress() != null
        ? new BgpSpeakerInputs(in.routerInterface(), p.sourceAddress().getHostAddress(), null, in.mpbgpNexthop(),
            in.mpbgpIpv4(), in.mpbgpIpv6())
        : p.sourceInterface() != null
        ? new BgpSpeakerInputs(in.routerInterface(), null, p.sourceInterface(), in.mpbgpNexthop(), in.mpbgpIpv4(),
            in.mpbgpIpv6())
        : in;
    InetAddress source = source(peerSource, p.address(), interfaceAddresses);
    if (source != null) {
      b.sourceAddress(source);
    }
    nextHops(b, peerSource, p, source, interfaceAddresses);
    if (p.bfd().enabled()) {
      b.bfd(Duration.ofMillis(Math.max(p.bfd().rxMillis(), p.bfd().txMillis())), p.bfd().multiplier());
    }
    return b.build();
  }

  private static InetAddress source(BgpSpeakerInputs in, InetAddress peer,
      Function<String, List<InetAddress>> interfaceAddresses) {
    if (in.sourceIp() != null) {
      InetAddress a = literal(in.sourceIp(), "bgp_sourceip");
      return a.getClass() == peer.getClass() ? a : null;
    }
    if (in.sourceIf() != null) {
      return interfaceAddresses.apply(in.sourceIf()).stream().filter(a -> a.getClass() == peer.getClass())
          .filter(a -> !a.isLinkLocalAddress()).findFirst().orElseThrow(() -> new IllegalArgumentException(
              "bgp_sourceif '" + in.sourceIf() + "' has no " + (peer instanceof Inet4Address ? "IPv4" : "IPv6")
                  + " address for this peer"));
    }
    return null;
  }

  private static void nextHops(BgpPeerConfig.Builder b, BgpSpeakerInputs in, BgpPeer p, InetAddress source,
      Function<String, List<InetAddress>> interfaceAddresses) {
    String mode = p.mpbgp().getOrDefault("mpbgp_nexthop", in.mpbgpNexthop());
    if (mode == null) {
      return;
    }
    String v4 = p.mpbgp().getOrDefault("mpbgp_ipv4", in.mpbgpIpv4());
    String v6 = p.mpbgp().getOrDefault("mpbgp_ipv6", in.mpbgpIpv6());
    List<InetAddress> candidates = new ArrayList<>();
    switch (mode) {
      case "fixed" -> {
        if (v4 != null && !v4.isBlank()) {
          candidates.add(literal(v4, "mpbgp_ipv4"));
        }
        if (v6 != null && !v6.isBlank()) {
          candidates.add(literal(v6, "mpbgp_ipv6"));
        }
        if (candidates.isEmpty()) {
          throw new IllegalArgumentException("mpbgp_nexthop=fixed needs mpbgp_ipv4 or mpbgp_ipv6");
        }
      }
      case "auto_sourceip" -> {
        if (in.sourceIp() == null) {
          throw new IllegalArgumentException("mpbgp_nexthop=auto_sourceip needs bgp_sourceip");
        }
        candidates.add(literal(in.sourceIp(), "bgp_sourceip"));
      }
      case "auto_sourceif" -> {
        if (in.sourceIf() == null) {
          throw new IllegalArgumentException("mpbgp_nexthop=auto_sourceif needs bgp_sourceif");
        }
        candidates.addAll(interfaceAddresses.apply(in.sourceIf()).stream().filter(a -> !a.isLinkLocalAddress())
            .toList());
      }
      default -> throw new IllegalArgumentException("mpbgp_nexthop '" + mode
          + "' is not allowed; expected fixed, auto_sourceip or auto_sourceif");
    }
    candidates.stream().filter(Inet4Address.class::isInstance).findFirst()
        .ifPresent(a -> b.nextHopIpv4((Inet4Address) a));
    candidates.stream().filter(Inet6Address.class::isInstance).findFirst()
        .ifPresent(a -> b.nextHopIpv6((Inet6Address) a));
  }

  private static Optional<Inet4Address> firstV4(List<InetAddress> addresses) {
    return addresses.stream().filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).findFirst();
  }

  private static InetAddress literal(String text, String setting) {
    String t = text.trim();
    if (!t.matches("[0-9a-fA-F:.]+") || !(t.contains(".") || t.contains(":"))) {
      throw new IllegalArgumentException(setting + " '" + text + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(t); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(setting + " '" + text + "' is not an IP address");
    }
  }
}
