// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

/**
 * A cluster node by its Kubernetes name. It is also the lease holder identity, so it must be the same text on
 * every node that computes a placement: placement hashes this name, never a JVM-local hash code.
 */
public record NodeId(String name) implements Comparable<NodeId> {
  /** Kubernetes object names are DNS subdomains: at most 253 characters. */
  private static final int MAX_LENGTH = 253;

  public NodeId {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node name is empty: expected the Kubernetes node name (e.g. 'worker-1')");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("node name '" + name.substring(0, 20) + "...' has " + name.length()
          + " characters: expected at most " + MAX_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isWhitespace(name.charAt(i)) || Character.isISOControl(name.charAt(i))) {
        throw new IllegalArgumentException("node name '" + name + "' contains whitespace or a control character");
      }
    }
  }

  public static NodeId of(String name) {
    return new NodeId(name);
  }

  @Override
  public int compareTo(NodeId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
