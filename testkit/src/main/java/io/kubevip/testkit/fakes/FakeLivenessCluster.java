// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLivenessPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The node liveness Leases of a fake cluster, shared by the {@link FakeNodeLivenessPort}s of simulated nodes. A
 * failing node goes through the two steps a real one does: first its own renewals fail and it fences itself
 * ({@link #failRenewals}: it is no longer self-valid, peers still see it live), then its Lease expires on the peers'
 * clocks ({@link #expire}). {@link #kill} does both at once. Listeners run synchronously on the caller's thread,
 * after the lock is released.
 */
public final class FakeLivenessCluster {
  private static final class Node {
    NodeLivenessPort.Listener listener;
    boolean renewing = true;
    boolean visible = true;
  }

  private final Map<NodeId, Node> nodes = new TreeMap<>();

  synchronized boolean start(NodeId node, NodeLivenessPort.Listener listener) {
    Node n = nodes.computeIfAbsent(node, k -> new Node());
    if (n.listener != null) {
      return false;
    }
    n.listener = listener;
    n.renewing = true;
    n.visible = true;
    return true;
  }

  synchronized Set<NodeId> live() {
    Set<NodeId> out = new TreeSet<>();
    nodes.forEach((id, n) -> {
      if (n.listener != null && n.visible) {
        out.add(id);
      }
    });
    return out;
  }

  synchronized boolean selfValid(NodeId node) {
    Node n = nodes.get(node);
    return n != null && n.listener != null && n.renewing;
  }

  /** The node's own renewals fail: it fences itself; peers still see its Lease until {@link #expire}. */
  public void failRenewals(NodeId node) {
    change(node, n -> n.renewing = false);
  }

  /** The node's Lease expired as observed by its peers. */
  public void expire(NodeId node) {
    change(node, n -> n.visible = false);
  }

  /** The node died: no renewals, and its Lease has expired everywhere. */
  public void kill(NodeId node) {
    change(node, n -> {
      n.renewing = false;
      n.visible = false;
    });
  }

  /** Renewals succeed again and peers see the Lease renewed. */
  public void recover(NodeId node) {
    change(node, n -> {
      n.renewing = true;
      n.visible = true;
    });
  }

  void release(NodeId node) {
    change(node, n -> {
      n.renewing = false;
      n.visible = false;
      n.listener = null;
    });
  }

  private void change(NodeId node, java.util.function.Consumer<Node> edit) {
    List<Runnable> effects = new ArrayList<>();
    synchronized (this) {
      Node n = nodes.get(node);
      if (n == null) {
        return;
      }
      edit.accept(n);
      Set<NodeId> live = live();
      nodes.forEach((id, other) -> {
        if (other.listener != null) {
          NodeLivenessPort.Listener l = other.listener;
          boolean valid = other.renewing;
          effects.add(() -> l.livenessChanged(live, valid));
        }
      });
    }
    effects.forEach(Runnable::run);
  }

  void announceStart(NodeId node) {
    change(node, n -> {});
  }
}
