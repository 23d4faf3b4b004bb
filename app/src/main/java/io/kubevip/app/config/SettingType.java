// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * How the text of one setting is checked and turned into the canonical form handed to Spring. The origin
 * matters because kube-vip inputs keep kube-vip's units (seconds, milliseconds) while {@code kubevip.*}
 * properties accept Spring durations such as {@code 800ms}.
 */
public interface SettingType {
  /**
   * @return the canonical text
   * @throws IllegalArgumentException whose message says what was expected, phrased to follow the quoted value
   */
  String normalize(String raw, Origin origin);

  /** A short description for the docs table, e.g. "seconds" or "port 1-65535". */
  String describe();

  /** True for booleans: their flags may be given bare ({@code --arp}) as in kube-vip's cobra flags. */
  default boolean isBoolean() {
    return false;
  }
}
