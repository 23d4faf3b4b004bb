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
  private final EnumSet<DataPlaneMode> servicesModes;

  private FeatureAvailability(EnumSet<Feature> available) {
    this(available, EnumSet.allOf(DataPlaneMode.class));
  }

  private FeatureAvailability(EnumSet<Feature> available, EnumSet<DataPlaneMode> servicesModes) {
    this.available = EnumSet.copyOf(available);
    this.servicesModes = EnumSet.copyOf(servicesModes);
  }

  /**
   * This build: ARP and BGP mode, each with the control-plane VIP and LoadBalancer Services. Routing table,
   * WireGuard, UPnP and DHCP come later.
   */
  public static FeatureAvailability current() {
    return new FeatureAvailability(EnumSet.of(Feature.ARP, Feature.BGP, Feature.SERVICES),
        EnumSet.of(DataPlaneMode.ARP, DataPlaneMode.BGP));
  }

  public static FeatureAvailability of(Feature... features) {
    EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
    set.addAll(java.util.List.of(features));
    return new FeatureAvailability(set);
  }

  /** This availability plus {@code feature}, keeping where Services may run. */
  public FeatureAvailability with(Feature feature) {
    EnumSet<Feature> more = EnumSet.copyOf(available);
    more.add(feature);
    return new FeatureAvailability(more, servicesModes);
  }

  public boolean isAvailable(Feature feature) {
    return available.contains(feature);
  }

  /**
   * Whether LoadBalancer Services can run in {@code mode}: {@link #current()} wires them in ARP and BGP mode;
   * {@link #of} (tests starting contexts with modes this build lacks) allows them wherever both are listed.
   */
  public boolean servicesAvailableIn(DataPlaneMode mode) {
    return available.contains(Feature.SERVICES) && available.contains(mode.feature()) && servicesModes.contains(mode);
  }

  @Override
  public String toString() {
    return "FeatureAvailability" + available;
  }

  public Set<Feature> available() {
    return EnumSet.copyOf(available);
  }
}
