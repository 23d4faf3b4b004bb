// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

import java.util.Objects;

/** Identifies a Kubernetes Service: namespace, name and uid (the uid tells a re-created Service apart). */
public record ServiceRef(String namespace, String name, String uid) implements Comparable<ServiceRef> {
  public ServiceRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    uid = uid == null ? "" : uid;
  }

  /** {@code namespace/name}, the form used in logs, Events and as the sharing owner key. */
  public String key() {
    return namespace + "/" + name;
  }

  @Override
  public int compareTo(ServiceRef o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return key();
  }
}
