// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.PathAttribute.Communities;
import io.kubevip.adapter.bgp.wire.PathAttribute.LargeCommunity;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BGP neighbour as kube-vip's {@code bgp_peers} entry describes it ({@code address:as:password:multihop}),
 * plus the per-peer knobs MetalLB's BGPPeer has. Validated once here, so sessions never meet a bad value.
 *
 * @param port TCP port we dial (kube-vip always dials 179; tests use others)
 * @param password TCP MD5 (RFC 2385) key, empty for none
 * @param multihopTtl IP TTL for the session, 0 for the operating system's default
 * @param sourceAddress local address to bind, or null for the kernel's choice
 * @param holdTime proposed hold time: zero (no keepalives) or 3..65535 s
 * @param keepalive keepalive interval, or null for a third of the negotiated hold time
 * @param localPref LOCAL_PREF for iBGP, or null for 100
 * @param nextHopIpv4 NEXT_HOP for IPv4 routes, or null for the session's local address
 * @param nextHopIpv6 next hop for IPv6 routes, or null for the session's local address when it is IPv6
 * @param bfdInterval BFD transmit and receive interval while Established, or null for no BFD
 * @param bfdMultiplier BFD detect multiplier (packets missed before the path is declared down)
 */
public record BgpPeerConfig(InetAddress address, int port, long peerAs, String password, int multihopTtl,
    InetAddress sourceAddress, Duration holdTime, Duration keepalive, List<Long> communities,
    List<LargeCommunity> largeCommunities, Long localPref, boolean ipv4Unicast, boolean ipv6Unicast,
    Inet4Address nextHopIpv4, Inet6Address nextHopIpv6, Duration bfdInterval, int bfdMultiplier) {
  public static final int BGP_PORT = 179;
  public static final Duration DEFAULT_HOLD_TIME = Duration.ofSeconds(90);

  public BgpPeerConfig {
    Objects.requireNonNull(address, "peer address");
    String who = "BGP peer " + address.getHostAddress();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(who + ": port must be 1..65535, was " + port);
    }
    if (peerAs < 1 || peerAs > 0xffffffffL) {
      throw new IllegalArgumentException(who + ": AS must be 1..4294967295, was " + peerAs);
    }
    password = password == null ? "" : password;
    if (password.length() > 80) {
      throw new IllegalArgumentException(who + ": password must be at most 80 characters (TCP_MD5SIG_MAXKEYLEN)");
    }
    if (multihopTtl < 0 || multihopTtl > 255) {
      throw new IllegalArgumentException(who + ": multihop TTL must be 0..255, was " + multihopTtl);
    }
    Objects.requireNonNull(holdTime, "holdTime");
    long hold = holdTime.toSeconds();
    if (holdTime.isNegative() || hold == 1 || hold == 2 || hold > 65535 || holdTime.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(who + ": hold time must be 0 or 3..65535 whole seconds, was " + holdTime);
    }
    if (keepalive != null && (keepalive.isNegative() || keepalive.isZero() && hold != 0
        || hold != 0 && keepalive.compareTo(holdTime) >= 0)) {
      throw new IllegalArgumentException(who + ": keepalive must be positive and below the hold time " + holdTime
          + ", was " + keepalive);
    }
    communities = List.copyOf(communities);
    largeCommunities = List.copyOf(largeCommunities);
    if (localPref != null && (localPref < 0 || localPref > 0xffffffffL)) {
      throw new IllegalArgumentException(who + ": local preference must be 0..4294967295, was " + localPref);
    }
    if (!ipv4Unicast && !ipv6Unicast) {
      throw new IllegalArgumentException(who + ": enable at least one of IPv4 and IPv6 unicast");
    }
    if (bfdInterval != null && (bfdInterval.toMillis() < 10 || bfdInterval.toSeconds() > 60)) {
      throw new IllegalArgumentException(who + ": BFD interval must be 10 ms..60 s, was " + bfdInterval);
    }
    if (bfdMultiplier < 1 || bfdMultiplier > 255) {
      throw new IllegalArgumentException(who + ": BFD multiplier must be 1..255, was " + bfdMultiplier);
    }
    if (sourceAddress != null && sourceAddress.getClass() != address.getClass()) {
      throw new IllegalArgumentException(who + ": source address " + sourceAddress.getHostAddress()
          + " is not of the peer's address family");
    }
  }

  public static Builder builder(InetAddress address, long peerAs) {
    return new Builder(address, peerAs);
  }

  public Optional<String> md5Password() {
    return password.isEmpty() ? Optional.empty() : Optional.of(password);
  }

  /** How this peer is named in logs: {@code 10.99.0.1:179 AS65000}. */
  public String describe() {
    String a = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + a + "]" : a) + ":" + port + " AS" + peerAs;
  }

  /** Fluent construction with kube-vip's defaults (port 179, hold 90 s, IPv4 and IPv6 unicast). */
  public static final class Builder {
    private final InetAddress address;
    private final long peerAs;
    private int port = BGP_PORT;
    private String password = "";
    private int multihopTtl;
    private InetAddress sourceAddress;
    private Duration holdTime = DEFAULT_HOLD_TIME;
    private Duration keepalive;
    private final List<Long> communities = new ArrayList<>();
    private final List<LargeCommunity> largeCommunities = new ArrayList<>();
    private Long localPref;
    private boolean ipv4 = true;
    private boolean ipv6 = true;
    private Inet4Address nextHopIpv4;
    private Inet6Address nextHopIpv6;
    private Duration bfdInterval;
    private int bfdMultiplier = 3;

    private Builder(InetAddress address, long peerAs) {
      this.address = address;
      this.peerAs = peerAs;
    }

    public Builder port(int p) { this.port = p; return this; }
    public Builder password(String p) { this.password = p; return this; }
    public Builder multihopTtl(int ttl) { this.multihopTtl = ttl; return this; }
    public Builder sourceAddress(InetAddress a) { this.sourceAddress = a; return this; }
    public Builder holdTime(Duration d) { this.holdTime = d; return this; }
    public Builder keepalive(Duration d) { this.keepalive = d; return this; }
    public Builder localPref(long v) { this.localPref = v; return this; }
    public Builder families(boolean ipv4Unicast, boolean ipv6Unicast) { ipv4 = ipv4Unicast; ipv6 = ipv6Unicast; return this; }
    public Builder nextHopIpv4(Inet4Address a) { this.nextHopIpv4 = a; return this; }
    public Builder nextHopIpv6(Inet6Address a) { this.nextHopIpv6 = a; return this; }
    public Builder bfd(Duration interval, int multiplier) { bfdInterval = interval; bfdMultiplier = multiplier; return this; }

    /** Adds communities written {@code 65000:100}. */
    public Builder communities(String... values) {
      for (String v : values) {
        communities.add(Communities.parse(v));
      }
      return this;
    }

    /** Adds large communities written {@code 4200000001:1:2}. */
    public Builder largeCommunities(String... values) {
      for (String v : values) {
        largeCommunities.add(LargeCommunity.parse(v));
      }
      return this;
    }

    public BgpPeerConfig build() {
      return new BgpPeerConfig(address, port, peerAs, password, multihopTtl, sourceAddress, holdTime, keepalive,
          communities, largeCommunities, localPref, ipv4, ipv6, nextHopIpv4, nextHopIpv6, bfdInterval,
          bfdMultiplier);
    }
  }
}
