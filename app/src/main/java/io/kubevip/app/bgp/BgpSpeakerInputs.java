// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

/**
 * The speaker-wide settings that are not per peer, as configured (null when unset), so translation needs no
 * Spring type.
 *
 * @param routerInterface {@code bgp_routerinterface}
 * @param sourceIp {@code bgp_sourceip}
 * @param sourceIf {@code bgp_sourceif}
 * @param mpbgpNexthop {@code mpbgp_nexthop}: fixed, auto_sourceip or auto_sourceif
 * @param mpbgpIpv4 {@code mpbgp_ipv4}
 * @param mpbgpIpv6 {@code mpbgp_ipv6}
 */
public record BgpSpeakerInputs(String routerInterface, String sourceIp, String sourceIf, String mpbgpNexthop,
    String mpbgpIpv4, String mpbgpIpv6) {
  public static final BgpSpeakerInputs NONE = new BgpSpeakerInputs(null, null, null, null, null, null);
}
