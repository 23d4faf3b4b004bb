// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.liveness;

import io.kubevip.domain.node.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this node has observed of its peers' liveness Leases. A Lease is valid until {@code leaseDuration} after this
 * node last <em>saw</em> its renew time change, on this node's clock (client-go's observedTime), so clock skew between
 * nodes never makes a live peer look dead or a dead one look live. Not thread-safe; the adapter locks around it.
 */
final class LivenessBook {
  private record Seen(String holder, String renewTime, Duration duration, Instant observedAt) {}

  private final Map<NodeId, Seen> seen = new HashMap<>();

  /** A Lease of {@code node} was listed or changed at local time {@code now}. */
  void observe(NodeId node, String holder, String renewTime, Duration duration, Instant now) {
    Seen before = seen.get(node);
    String h = holder == null ? "" : holder;
    String r = renewTime == null ? "" : renewTime;
    if (before != null && before.holder().equals(h) && before.renewTime().equals(r) && before.duration().equals(duration)) {
      return; // a resync or an unrelated edit: not a renewal
    }
    seen.put(node, new Seen(h, r, duration, now));
  }

  void forget(NodeId node) {
    seen.remove(node);
  }

  /** Nodes whose Lease is held and not expired at {@code now}. */
  Set<NodeId> live(Instant now) {
    Set<NodeId> out = new TreeSet<>();
    seen.forEach((node, s) -> {
      if (!s.holder().isEmpty() && now.isBefore(s.observedAt().plus(s.duration()))) {
        out.add(node);
      }
    });
    return out;
  }
}
