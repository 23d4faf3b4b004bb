// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the control-plane node needs, already translated from kube-vip's settings.
 *
 * @param lease {@code vip_leasename} in {@code cp_namespace}
 * @param identity {@code vip_nodename}, else the lower-cased host name
 * @param vips {@code address} (IPv4, IPv6 or both)
 * @param iface {@code vip_interface}
 * @param arpRate {@code vip_arpRate} after kube-vip's fallback (re-announce period)
 * @param loseLeadership {@code vip_loseleadership}
 * @param loseLeadershipTimeout {@code vip_loseleadership_timeout_seconds}
 * @param duplicateProbePeriod how often a leader probes for other hosts answering for its VIPs
 */
public record ControlPlaneSettings(LeaseName lease, String identity, List<VipAddress> vips, InterfaceName iface,
    Duration arpRate, boolean loseLeadership, Duration loseLeadershipTimeout, Duration duplicateProbePeriod) {
  /** Probing every 30 s finds a second holder long before users notice split traffic, at one probe per VIP. */
  public static final Duration DEFAULT_DUPLICATE_PROBE_PERIOD = Duration.ofSeconds(30);

  public ControlPlaneSettings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(identity, "identity");
    vips = List.copyOf(vips);
    if (vips.isEmpty()) {
      throw new IllegalArgumentException("address: expected at least one control-plane VIP");
    }
    Objects.requireNonNull(iface, "iface");
    if (arpRate.isNegative() || arpRate.isZero()) {
      throw new IllegalArgumentException("vip_arpRate " + arpRate + ": expected a positive period");
    }
    Objects.requireNonNull(loseLeadershipTimeout, "loseLeadershipTimeout");
    Objects.requireNonNull(duplicateProbePeriod, "duplicateProbePeriod");
  }
}
