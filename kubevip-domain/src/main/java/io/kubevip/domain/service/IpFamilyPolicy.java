// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

/** {@code spec.ipFamilyPolicy}. */
public enum IpFamilyPolicy {
  SINGLE_STACK,
  PREFER_DUAL_STACK,
  REQUIRE_DUAL_STACK;

  /** Parses the Kubernetes spelling ({@code SingleStack}, ...); null or blank means SingleStack. */
  public static IpFamilyPolicy fromKubernetes(String value) {
    if (value == null || value.isBlank()) {
      return SINGLE_STACK;
    }
    return switch (value) {
      case "SingleStack" -> SINGLE_STACK;
      case "PreferDualStack" -> PREFER_DUAL_STACK;
      case "RequireDualStack" -> REQUIRE_DUAL_STACK;
      default -> throw new IllegalArgumentException(
          "ipFamilyPolicy '" + value + "': expected SingleStack, PreferDualStack or RequireDualStack");
    };
  }
}
