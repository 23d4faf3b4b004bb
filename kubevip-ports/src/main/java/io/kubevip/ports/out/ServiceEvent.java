// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import java.util.Objects;

/**
 * A Kubernetes Event about a Service ({@code kubectl get events}): what happened to its VIPs and why.
 *
 * @param type Normal or Warning
 * @param reason CamelCase, e.g. {@code VipAnnounced}
 * @param message human text naming the VIP and node
 */
public record ServiceEvent(Type type, String reason, String message) {
  /** Kubernetes event types. */
  public enum Type {
    NORMAL,
    WARNING
  }

  public ServiceEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? "" : message;
  }

  public static ServiceEvent normal(String reason, String message) {
    return new ServiceEvent(Type.NORMAL, reason, message);
  }

  public static ServiceEvent warning(String reason, String message) {
    return new ServiceEvent(Type.WARNING, reason, message);
  }
}
