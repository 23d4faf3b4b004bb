// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which modes and features this build can actually run. Validation refuses a configuration that asks for anything
 * else by name ({@code vip_wireguard: not available in this version}) instead of starting and doing nothing.
 * Injected (not a static check) so tests can start the manager context with a mode this build lacks.
 */
public final class FeatureAvailability {
  private final EnumSet<Feature> available;

  private FeatureAvailability(EnumSet<Feature> available) {
    this.available = EnumSet.copyOf(available);
  }

  /**
   * This build: ARP and BGP mode with the control-plane VIP. LoadBalancer Services, routing table, WireGuard, UPnP
   * and DHCP come later.
   */
  public static FeatureAvailability current() {
    return new FeatureAvailability(EnumSet.of(Feature.ARP, Feature.BGP));
  }

  public static FeatureAvailability of(Feature... features) {
    EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
    set.addAll(java.util.List.of(features));
    return new FeatureAvailability(set);
  }

  public boolean isAvailable(Feature feature) {
    return available.contains(feature);
  }

  @Override
  public String toString() {
    return "FeatureAvailability" + available;
  }

  public Set<Feature> available() {
    return EnumSet.copyOf(available);
  }
}
