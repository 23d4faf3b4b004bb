// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.settings;

import io.kubevip.app.config.DataPlaneMode;

/**
 * The validated configuration as immutable records with domain types; what beans receive instead of strings.
 *
 * @param mode the one data-plane mode
 * @param controlPlane serve the control-plane VIP
 * @param services serve LoadBalancer Services
 * @param nodeName this node (lower-cased host name when not configured)
 * @param vip VIP settings
 * @param leaderElection election settings
 * @param bgp BGP settings (meaningful in BGP mode)
 */
public record KubevipSettings(DataPlaneMode mode, boolean controlPlane, boolean services, String nodeName,
    VipSettings vip, LeaderElectionSettings leaderElection, BgpSettings bgp) {}
