// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLabelsPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps one set of this node's labels (those {@code owns} accepts) equal to what a use case wants, writing only the
 * difference to what it last wrote, so a pass that changes nothing costs no API call. Labelling is a courtesy to
 * users: a failed write is logged and retried by the next {@link #sync}, and never stops announcing.
 *
 * <p>On the first sync the node's labels are read once, so labels of ours that an earlier run left (it crashed, or
 * lost the VIP while the API was down) are removed or corrected too. Two syncs with disjoint {@code owns} never
 * touch each other's labels. Thread-safe (synchronized).
 */
public final class NodeLabelSync {
  private static final System.Logger LOG = System.getLogger(NodeLabelSync.class.getName());

  private final NodeLabelsPort port;
  private final NodeId node;
  private final Predicate<String> owns;
  private Map<String, String> applied = Map.of();
  private boolean adopted;

  public NodeLabelSync(NodeLabelsPort port, NodeId node, Predicate<String> owns) {
    this.port = Objects.requireNonNull(port, "port");
    this.node = Objects.requireNonNull(node, "node");
    this.owns = Objects.requireNonNull(owns, "owns");
  }

  /**
   * Makes the node carry exactly {@code desired} among the labels this sync owns.
   *
   * @return true when the node carries them now (as far as this node wrote), false when the write failed
   */
  public synchronized boolean sync(Map<String, String> desired) {
    adoptLeftovers();
    Map<String, String> set = new HashMap<>();
    desired.forEach((k, v) -> {
      if (!v.equals(applied.get(k))) {
        set.put(k, v);
      }
    });
    Set<String> remove = new HashSet<>(applied.keySet());
    remove.removeAll(desired.keySet());
    if (set.isEmpty() && remove.isEmpty()) {
      return true;
    }
    try {
      port.apply(node, set, remove);
      applied = Map.copyOf(desired);
      LOG.log(System.Logger.Level.INFO, "labelled node " + node.name() + ": set " + set + ", removed " + remove);
      return true;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "labelling node " + node.name() + " (set " + set + ", remove " + remove
          + ") failed; retrying later: " + e.getMessage());
      return false;
    }
  }

  /** What this sync last wrote (or found and adopted). */
  public synchronized Map<String, String> applied() {
    return applied;
  }

  private void adoptLeftovers() {
    if (adopted) {
      return;
    }
    try {
      Map<String, String> found = new HashMap<>(applied);
      port.labels(node).forEach((k, v) -> {
        if (owns.test(k)) {
          found.putIfAbsent(k, v);
        }
      });
      applied = Map.copyOf(found);
      adopted = true;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "reading the labels of node " + node.name() + " failed; retrying later: "
          + e.getMessage());
    }
  }
}
