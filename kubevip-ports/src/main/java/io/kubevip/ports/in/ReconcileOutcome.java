// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.plan.Action;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile pass did. A pass with failures is not an error to the caller: the next pass re-plans from
 * the actual state and retries only what is missing.
 *
 * @param executed actions that succeeded, in order
 * @param failures actions that failed or were skipped
 * @param placement the placement computed, when the use case places VIPs across nodes
 */
public record ReconcileOutcome(List<Action> executed, List<ActionFailure> failures, Optional<Placement> placement) {
  public ReconcileOutcome {
    executed = List.copyOf(executed);
    failures = List.copyOf(failures);
    placement = placement == null ? Optional.empty() : placement;
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }

  /** True when the node was already in the desired state. */
  public boolean converged() {
    return executed.isEmpty() && failures.isEmpty();
  }
}
