// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.Arrays;
import java.util.List;

/** The four exclusive kube-vip modes; each is one Spring profile of the manager. */
public enum DataPlaneMode {
  ARP("arp", SettingsTable.VIP_ARP, Feature.ARP),
  BGP("bgp", SettingsTable.BGP_ENABLE, Feature.BGP),
  ROUTING_TABLE("routetable", SettingsTable.VIP_ROUTINGTABLE, Feature.ROUTING_TABLE),
  WIREGUARD("wireguard", SettingsTable.VIP_WIREGUARD, Feature.WIREGUARD);

  private final String profile;
  private final Setting setting;
  private final Feature feature;

  DataPlaneMode(String profile, Setting setting, Feature feature) {
    this.profile = profile;
    this.setting = setting;
    this.feature = feature;
  }

  public String profile() {
    return profile;
  }

  public Setting setting() {
    return setting;
  }

  public Feature feature() {
    return feature;
  }

  /** The modes switched on (valid booleans that are true), in table order. */
  public static List<DataPlaneMode> enabled(EffectiveConfig config) {
    return Arrays.stream(values()).filter(m -> config.isTrue(m.setting)).toList();
  }

  /**
   * The single enabled mode of a validated configuration.
   *
   * @throws IllegalStateException when the configuration was not validated
   */
  public static DataPlaneMode of(EffectiveConfig config) {
    List<DataPlaneMode> on = enabled(config);
    if (on.size() != 1) {
      throw new IllegalStateException("configuration not validated: modes enabled " + on);
    }
    return on.get(0);
  }
}
