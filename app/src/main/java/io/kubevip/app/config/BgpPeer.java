// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One BGP peer as configured: an entry of kube-vip's {@code bgp_peers} string, or of the structured
 * {@code kubevip.bgp.peers} list ({@link BgpPeerList}), which adds per-peer source, timers, communities and
 * local preference. Kept apart from the adapter's {@code BgpPeerConfig}: this is what the user wrote, that is
 * what a session needs.
 *
 * @param address peer IP
 * @param as peer AS number
 * @param password TCP-MD5 password, empty for none
 * @param multihop eBGP multihop
 * @param port TCP port (kube-vip parses it but always dials 179; we will honour it)
 * @param mpbgp MP-BGP options (mpbgp_nexthop, mpbgp_ipv4, mpbgp_ipv6), empty when absent
 * @param bfd BFD options, {@link Bfd#DISABLED} when absent
 * @param sourceAddress session source address, null for {@code bgp_sourceip}/{@code bgp_sourceif}
 * @param sourceInterface bind to this interface's address, null for the global settings
 * @param holdTime hold time, null for {@code bgp_hold_time}
 * @param keepalive keepalive interval, null for {@code bgp_keepalive_interval}
 * @param communities RFC 1997 communities written {@code 65000:100}, sent to this peer only
 * @param largeCommunities RFC 8092 large communities written {@code 65000:1:2}, sent to this peer only
 * @param localPref LOCAL_PREF on this peer's routes (iBGP only, RFC 4271 §5.1.5), null for 100
 */
public record BgpPeer(InetAddress address, long as, String password, boolean multihop, int port,
    Map<String, String> mpbgp, Bfd bfd, InetAddress sourceAddress, String sourceInterface, Duration holdTime,
    Duration keepalive, List<String> communities, List<String> largeCommunities, Long localPref) {

  public static final int DEFAULT_PORT = 179;

  public BgpPeer {
    mpbgp = Map.copyOf(mpbgp);
    communities = List.copyOf(communities);
    largeCommunities = List.copyOf(largeCommunities);
  }

  /** A peer as kube-vip's {@code bgp_peers} string can describe it: everything else from the global settings. */
  public BgpPeer(InetAddress address, long as, String password, boolean multihop, int port, Map<String, String> mpbgp,
      Bfd bfd) {
    this(address, as, password, multihop, port, mpbgp, bfd, null, null, null, null, List.of(), List.of(), null);
  }

  @Override
  public String toString() {
    return "BgpPeer[" + address.getHostAddress() + " AS" + as + (password.isEmpty() ? "" : " password=<redacted>")
        + (multihop ? " multihop" : "") + " port " + port
        + (communities.isEmpty() ? "" : " communities " + communities)
        + (largeCommunities.isEmpty() ? "" : " large-communities " + largeCommunities)
        + (localPref == null ? "" : " local-pref " + localPref) + "]";
  }

  /**
   * BFD timers, defaults 300 ms / 300 ms / 3 as in kube-vip.
   *
   * @param enabled BFD on
   * @param rxMillis desired receive interval
   * @param txMillis desired transmit interval
   * @param multiplier detect multiplier
   */
  public record Bfd(boolean enabled, int rxMillis, int txMillis, int multiplier) {
    public static final Bfd DISABLED = new Bfd(false, 300, 300, 3);
  }
}
