// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.plan.Action;
import io.kubevip.ports.in.ActionFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link ServicesController} pass did. A pass with failures is not an error: the next one re-plans from the
 * actual state and retries only what is missing.
 *
 * @param executed plan actions that succeeded, in order
 * @param failures plan actions that failed or were skipped
 * @param problems other failures (listing addresses, status writes), as messages
 * @param owners anchor VIP of each unit → its owner, as computed on this node
 * @param waiting anchors this node owns but does not announce yet (break-before-make)
 * @param fenced this node's own liveness Lease was not valid, so it withdrew everything
 * @param placement the placement computed, if any
 */
public record ServicesPass(
    List<Action> executed,
    List<ActionFailure> failures,
    List<String> problems,
    Map<VipAddress, NodeId> owners,
    Set<VipAddress> waiting,
    boolean fenced,
    Optional<Placement> placement) {
  public ServicesPass {
    executed = List.copyOf(executed);
    failures = List.copyOf(failures);
    problems = List.copyOf(problems);
    owners = Map.copyOf(owners);
    waiting = Set.copyOf(waiting);
    placement = placement == null ? Optional.empty() : placement;
  }

  public boolean succeeded() {
    return failures.isEmpty() && problems.isEmpty();
  }
}
