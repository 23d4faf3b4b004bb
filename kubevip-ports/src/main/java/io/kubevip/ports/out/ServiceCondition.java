// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import java.util.Objects;

/**
 * A {@code status.conditions[]} entry on a Service, so {@code kubectl describe} shows why a VIP is not served.
 *
 * @param type e.g. {@code kube-vip.io/Announced}
 * @param status true for "True"
 * @param reason CamelCase machine reason, e.g. a placement reason
 * @param message human text
 */
public record ServiceCondition(String type, boolean status, String reason, String message) {
  public ServiceCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? "" : message;
  }
}
