// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * One {@code kubevip.*} property found outside Spring (application files, system properties).
 *
 * @param key as written, e.g. {@code kubevip.leaderElection.leaseDuration}
 * @param value text
 * @param location e.g. {@code ./config/application.yaml} or {@code system property}
 */
public record PropertyEntry(String key, String value, String location) {

  /** Spring's relaxed form reduced to the canonical kebab-case name: leaseDuration, lease_duration → lease-duration. */
  public String canonicalKey() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && key.charAt(i - 1) != '.' && key.charAt(i - 1) != '-') {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c == '_' ? '-' : c);
      }
    }
    return out.toString();
  }
}
