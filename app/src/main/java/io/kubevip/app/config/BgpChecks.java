// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static io.kubevip.app.config.SettingsTable.*;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the BGP speaker would refuse at start, found at validation instead so the manager exits 2 naming the setting
 * (and for {@code bgp_peers} the peer and field) rather than failing later with a stack trace.
 */
final class BgpChecks {
  /** TCP_MD5SIG_MAXKEYLEN. */
  static final int MAX_PASSWORD = 80;
  /** The adapter's BFD interval range. */
  static final int MIN_BFD_MS = 10;

  private BgpChecks() {}

  static void check(EffectiveConfig config, List<Problem> problems) {
    checkTimers(config, problems);
    checkGracefulRestart(config, problems);
    checkRouterId(config, problems);
    checkNextHops(config, problems);
    if (!DataPlaneMode.enabled(config).equals(List.of(DataPlaneMode.BGP))) {
      return; // not BGP mode, or a mode conflict reported on its own
    }
    checkPeers(config, problems);
  }

  private static void checkTimers(EffectiveConfig config, List<Problem> problems) {
    Optional<Duration> hold = duration(config, BGP_HOLD_TIME);
    Optional<Duration> keepalive = duration(config, BGP_KEEPALIVE_INTERVAL);
    if (hold.isPresent()) {
      long s = hold.get().toSeconds();
      if (s == 1 || s == 2 || s > 65535 || hold.get().toMillis() % 1000 != 0) {
        problems.add(Problem.of(config.get(BGP_HOLD_TIME), "is not allowed; expected 0 (no keepalives) or 3..65535"
            + " whole seconds (RFC 4271)"));
        return;
      }
    }
    if (hold.isPresent() && keepalive.isPresent() && !hold.get().isZero() && !keepalive.get().isZero()
        && keepalive.get().compareTo(hold.get()) >= 0) {
      problems.add(Problem.of(config.get(BGP_KEEPALIVE_INTERVAL), "is not shorter than "
          + config.get(BGP_HOLD_TIME).where() + " (" + Durations.human(hold.get())
          + "); expected keepalive < hold time, usually a third of it"));
    }
  }

  /**
   * RFC 4724's restart time is 12 bits of seconds; and it must not outlast the lease: a router keeping a dead
   * leader's routes longer than the lease would send traffic to it after another node took over the VIP.
   */
  private static void checkGracefulRestart(EffectiveConfig config, List<Problem> problems) {
    Optional<Duration> restart = duration(config, BGP_GRACEFUL_RESTART_TIME).filter(d -> !d.isZero());
    boolean enabled = config.normalized(BGP_GRACEFUL_RESTART).filter("true"::equals).isPresent();
    if (restart.isEmpty()) {
      Optional<Duration> lease = duration(config, VIP_LEASEDURATION);
      if (enabled && lease.isPresent() && lease.get().toSeconds() < 1) {
        problems.add(Problem.of(config.get(BGP_GRACEFUL_RESTART), "needs " + config.get(BGP_GRACEFUL_RESTART_TIME)
            .where() + " because " + config.get(VIP_LEASEDURATION).where() + " (" + Durations.human(lease.get())
            + ") is under the 1 s a restart time can be; expected a restart time of 1..4095 s"));
      }
      return;
    }
    Duration r = restart.get();
    if (r.toMillis() % 1000 != 0 || r.toSeconds() > 4095) {
      problems.add(Problem.of(config.get(BGP_GRACEFUL_RESTART_TIME), "is not allowed; expected 1..4095 whole seconds"
          + " (RFC 4724)"));
      return;
    }
    Optional<Duration> lease = duration(config, VIP_LEASEDURATION);
    if (lease.isPresent() && r.compareTo(lease.get()) > 0) {
      problems.add(Problem.of(config.get(BGP_GRACEFUL_RESTART_TIME), "is longer than "
          + config.get(VIP_LEASEDURATION).where() + " (" + Durations.human(lease.get()) + "); expected at most the"
          + " lease duration, so routers drop a dead node's routes no later than another node takes over"));
    }
  }

  private static void checkRouterId(EffectiveConfig config, List<Problem> problems) {
    config.normalized(BGP_ROUTERID).filter(t -> !(literal(t) instanceof Inet4Address)).ifPresent(t ->
        problems.add(Problem.of(config.get(BGP_ROUTERID), "is not IPv4; a BGP router ID is 32 bits, e.g. 192.0.2.1")));
  }

  private static void checkNextHops(EffectiveConfig config, List<Problem> problems) {
    ResolvedValue v4 = config.get(MPBGP_IPV4);
    ResolvedValue v6 = config.get(MPBGP_IPV6);
    if (v4.isSet() && !(literal(v4.value()) instanceof Inet4Address)) {
      problems.add(Problem.of(v4, "is not an IPv4 address; expected the IPv4 next hop, e.g. 192.0.2.5"));
    }
    if (v6.isSet() && !(literal(v6.value()) instanceof Inet6Address)) {
      problems.add(Problem.of(v6, "is not an IPv6 address; expected the IPv6 next hop, e.g. 2001:db8::5"));
    }
    Optional<String> mode = config.normalized(MPBGP_NEXTHOP);
    if (mode.filter("fixed"::equals).isPresent() && !v4.isSet() && !v6.isSet()) {
      problems.add(Problem.of(config.get(MPBGP_NEXTHOP), "needs " + v4.where() + " or " + v6.where()
          + "; expected the fixed next hop(s)"));
    }
    if (mode.filter("auto_sourceip"::equals).isPresent() && !config.get(BGP_SOURCEIP).isSet()) {
      problems.add(Problem.of(config.get(MPBGP_NEXTHOP), "needs " + config.get(BGP_SOURCEIP).where()));
    }
    if (mode.filter("auto_sourceif"::equals).isPresent() && !config.get(BGP_SOURCEIF).isSet()) {
      problems.add(Problem.of(config.get(MPBGP_NEXTHOP), "needs " + config.get(BGP_SOURCEIF).where()));
    }
  }

  private static void checkPeers(EffectiveConfig config, List<Problem> problems) {
    ResolvedValue single = config.get(BGP_PEERADDRESS);
    ResolvedValue list = config.get(BGP_PEERS);
    if (!single.isSet() && !list.isSet()) {
      problems.add(new Problem(single.where() + ", " + list.where(), null,
          "no BGP peer configured; expected a peer address (with bgp_peeras) or bgp_peers, e.g. 192.0.2.1:65000"));
      return;
    }
    Map<String, String> seen = new HashMap<>();
    if (single.isSet()) {
      seen.put(key(single.value(), BgpPeer.DEFAULT_PORT), single.where());
      config.normalized(BGP_PEERPASS).filter(p -> p.length() > MAX_PASSWORD).ifPresent(p -> problems.add(
          new Problem(config.get(BGP_PEERPASS).where(), null, "is " + p.length()
              + " characters; expected at most " + MAX_PASSWORD + " (TCP-MD5 key length)")));
    }
    if (!list.isSet() || !BgpPeerParser.errors(list.value()).isEmpty()) {
      return; // parse errors are reported with the types
    }
    List<BgpPeer> peers = BgpPeerParser.parseAll(list.value());
    List<String> labels = BgpPeerParser.labels(list.value());
    for (int i = 0; i < peers.size(); i++) {
      BgpPeer p = peers.get(i);
      String who = labels.get(i) + ": ";
      String earlier = seen.putIfAbsent(key(p.address().getHostAddress(), p.port()), who.substring(0, who.length() - 2));
      if (earlier != null) {
        problems.add(new Problem(list.where(), null, who + "address and port are also configured in " + earlier
            + "; expected each peer once"));
      }
      if (p.password().length() > MAX_PASSWORD) {
        problems.add(new Problem(list.where(), null, who + "password is " + p.password().length()
            + " characters; expected at most " + MAX_PASSWORD + " (TCP-MD5 key length)"));
      }
      if (p.bfd().enabled() && (p.bfd().rxMillis() < MIN_BFD_MS || p.bfd().txMillis() < MIN_BFD_MS)) {
        problems.add(new Problem(list.where(), null, who + "bfd rx_ms/tx_ms " + p.bfd().rxMillis() + "/"
            + p.bfd().txMillis() + " is too short; expected " + MIN_BFD_MS + "..60000"));
      }
      String nextHop = p.mpbgp().get("mpbgp_nexthop");
      if ("fixed".equals(nextHop) && !p.mpbgp().containsKey("mpbgp_ipv4") && !p.mpbgp().containsKey("mpbgp_ipv6")
          && !config.get(MPBGP_IPV4).isSet() && !config.get(MPBGP_IPV6).isSet()) {
        problems.add(new Problem(list.where(), null, who + "mpbgp_nexthop=fixed needs mpbgp_ipv4 or mpbgp_ipv6"));
      }
      Duration hold = p.holdTime() != null ? p.holdTime() : duration(config, BGP_HOLD_TIME).orElse(null);
      if (p.holdTime() == null && p.keepalive() != null && hold != null && !hold.isZero()
          && p.keepalive().compareTo(hold) >= 0) {
        problems.add(new Problem(list.where(), null, who + "keepalive " + Durations.human(p.keepalive())
            + " is not shorter than " + config.get(BGP_HOLD_TIME).where() + " (" + Durations.human(hold)
            + "); expected keepalive < hold time"));
      }
    }
  }

  private static String key(String address, int port) {
    InetAddress a = literal(address);
    return (a == null ? address : a.getHostAddress()) + "|" + port;
  }

  private static InetAddress literal(String text) {
    try {
      return IpText.parse(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Optional<Duration> duration(EffectiveConfig config, Setting s) {
    try {
      return config.normalized(s).map(t -> Durations.parse(t, ChronoUnit.SECONDS));
    } catch (RuntimeException e) {
      return Optional.empty(); // reported with the types
    }
  }
}
