// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.net.InetAddress;
import java.util.Map;

/**
 * One entry of kube-vip's {@code bgp_peers}. Lives in the app until the BGP adapter owns peer configuration.
 *
 * @param address peer IP
 * @param as peer AS number
 * @param password TCP-MD5 password, empty for none
 * @param multihop eBGP multihop
 * @param port TCP port (kube-vip parses it but always dials 179; we will honour it)
 * @param mpbgp MP-BGP options (mpbgp_nexthop, mpbgp_ipv4, mpbgp_ipv6), empty when absent
 * @param bfd BFD options, {@link Bfd#DISABLED} when absent
 */
public record BgpPeer(InetAddress address, long as, String password, boolean multihop, int port,
    Map<String, String> mpbgp, Bfd bfd) {

  public static final int DEFAULT_PORT = 179;

  public BgpPeer {
    mpbgp = Map.copyOf(mpbgp);
  }

  @Override
  public String toString() {
    return "BgpPeer[" + address.getHostAddress() + " AS" + as + (password.isEmpty() ? "" : " password=<redacted>")
        + (multihop ? " multihop" : "") + " port " + port + "]";
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
