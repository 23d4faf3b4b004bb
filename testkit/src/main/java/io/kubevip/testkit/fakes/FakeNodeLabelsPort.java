// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.out.PortException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Node labels in memory. Nodes must be {@link #addNode added} first, as on a cluster where the Node object exists;
 * {@code apply} on an unknown node fails like the API's 404. Calls are recorded as {@code labels.apply(node, set,
 * remove)} (sorted copies) and {@code labels.read(node)}, and can be made to fail through {@link #log()}.
 */
public final class FakeNodeLabelsPort implements NodeLabelsPort {
  private final CallLog log = new CallLog();
  private final Map<NodeId, Map<String, String>> nodes = new HashMap<>();

  /** Creates the Node with {@code labels} (replacing one of that name). */
  public synchronized FakeNodeLabelsPort addNode(NodeId node, Map<String, String> labels) {
    nodes.put(Objects.requireNonNull(node, "node"), new TreeMap<>(labels));
    return this;
  }

  @Override
  public synchronized void apply(NodeId node, Map<String, String> set, Set<String> remove) {
    log.record(RecordedCall.of("labels.apply", node, new TreeMap<>(set), new TreeSet<>(remove)));
    Map<String, String> labels = nodes.get(node);
    if (labels == null) {
      throw new PortException("labelling node " + node.name() + ": no such node");
    }
    remove.forEach(labels::remove);
    labels.putAll(set);
  }

  @Override
  public synchronized Map<String, String> labels(NodeId node) {
    log.record(RecordedCall.of("labels.read", node));
    Map<String, String> labels = nodes.get(node);
    if (labels == null) {
      throw new PortException("reading the labels of node " + node.name() + ": no such node");
    }
    return Map.copyOf(labels);
  }

  /** What the node carries now, without recording a call. */
  public synchronized Map<String, String> current(NodeId node) {
    return Map.copyOf(nodes.getOrDefault(node, Map.of()));
  }

  public CallLog log() {
    return log;
  }
}
