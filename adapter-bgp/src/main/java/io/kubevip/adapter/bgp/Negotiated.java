// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.AsFormat;
import io.kubevip.adapter.bgp.wire.Open;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What two OPENs agreed (RFC 4271 §4.2 hold time = the smaller, RFC 6793 AS format, RFC 4760 families) and the
 * local address of the TCP connection, which is the default next hop.
 */
record Negotiated(Duration holdTime, Duration keepalive, AsFormat asFormat, boolean ipv4, boolean ipv6,
    InetAddress localAddress, boolean ibgp) {

  static Negotiated of(BgpSpeakerConfig speaker, BgpPeerConfig peer, Open theirs, InetAddress local) {
    long hold = Math.min(peer.holdTime().toSeconds(), theirs.holdTime());
    Duration holdTime = Duration.ofSeconds(hold);
    Duration keepalive;
    if (hold == 0) {
      keepalive = Duration.ZERO;
    } else if (peer.keepalive() != null && peer.keepalive().compareTo(holdTime) < 0) {
      keepalive = peer.keepalive();
    } else {
      keepalive = Duration.ofMillis(hold * 1000 / 3);
    }
    AsFormat format = theirs.fourOctetAs().isPresent() ? AsFormat.FOUR_OCTET : AsFormat.TWO_OCTET;
    return new Negotiated(holdTime, keepalive, format,
        peer.ipv4Unicast() && theirs.supportsFamily(AfiSafi.IPV4_UNICAST),
        peer.ipv6Unicast() && theirs.supportsFamily(AfiSafi.IPV6_UNICAST),
        local, speaker.localAs() == peer.peerAs());
  }

  boolean supports(AfiSafi family) {
    return family.equals(AfiSafi.IPV4_UNICAST) ? ipv4 : family.equals(AfiSafi.IPV6_UNICAST) && ipv6;
  }
}
