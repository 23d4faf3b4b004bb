// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a user-chosen address ({@code kube-vip.io/loadbalancerIPs}, {@code spec.loadBalancerIP}) may be used.
 * kube-vip accepts addresses outside every pool, so that is not a refusal; {@link Accepted#outsidePools()} lets a
 * caller warn about it.
 */
public sealed interface RequestedAddressCheck permits RequestedAddressCheck.Accepted, RequestedAddressCheck.Refused {

  boolean ok();

  /**
   * The address may be used.
   *
   * @param outsidePools true when no pool of the ConfigMap contains it (never for DHCP markers)
   * @param sharedWith the other Services already on it (namespace/name), empty when it is not shared
   */
  record Accepted(boolean outsidePools, List<String> sharedWith) implements RequestedAddressCheck {
    public Accepted {
      sharedWith = List.copyOf(sharedWith);
    }

    @Override
    public boolean ok() {
      return true;
    }
  }

  /** The address may not be used, and why (which Service holds it, which ports clash, sharing off...). */
  record Refused(String reason) implements RequestedAddressCheck {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }

  /** The reason of a refusal; empty when accepted. */
  default Optional<String> refusal() {
    return this instanceof Refused r ? Optional.of(r.reason()) : Optional.empty();
  }
}
