// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

import java.util.Map;
import java.util.Objects;

/**
 * What placement needs to know about a cluster node, built by adapter-kubernetes from the Node object:
 * whether it may announce VIPs at all.
 *
 * @param id node name
 * @param ready the {@code Ready} condition is True
 * @param schedulable {@code spec.unschedulable} is false (cordoned nodes give up their VIPs)
 * @param labels node labels, for node selectors
 */
public record NodeInfo(NodeId id, boolean ready, boolean schedulable, Map<String, String> labels) {
  public NodeInfo {
    Objects.requireNonNull(id, "id");
    labels = Map.copyOf(labels == null ? Map.of() : labels);
  }

  /** A node that may be given VIPs: ready and not cordoned. */
  public boolean eligible() {
    return ready && schedulable;
  }
}
