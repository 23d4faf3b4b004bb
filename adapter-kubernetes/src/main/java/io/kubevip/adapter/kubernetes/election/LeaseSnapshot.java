// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts of a {@code coordination.k8s.io/v1} Lease the election reads, with its resourceVersion for optimistic
 * concurrency.
 *
 * @param holder holderIdentity; empty when released
 * @param leaseDuration the holder's lease duration; sub-second precision comes from our annotation, the spec field
 *     holds whole seconds (rounded up) for other readers
 * @param renewTime spec.renewTime as written by the holder (its clock; only used for display, never for expiry)
 * @param transitions spec.leaseTransitions
 */
public record LeaseSnapshot(
    Optional<String> holder, Duration leaseDuration, Instant acquireTime, Instant renewTime, int transitions,
    String resourceVersion) {

  public boolean heldBy(String identity) {
    return holder.filter(identity::equals).isPresent();
  }

  public boolean released() {
    return holder.isEmpty();
  }
}
