// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

import java.util.Objects;

/**
 * Identifies a Kubernetes Service: namespace, name and uid (the uid tells a re-created Service apart). A value: equal
 * when all three are. A class rather than a record only to keep {@link #key()} and the hash, asked for thousands of
 * times in every reconcile pass.
 */
public final class ServiceRef implements Comparable<ServiceRef> {
  private final String namespace;
  private final String name;
  private final String uid;
  private final String key;
  private final int hash;

  public ServiceRef(String namespace, String name, String uid) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.uid = uid == null ? "" : uid;
    this.key = namespace + "/" + name;
    this.hash = Objects.hash(namespace, name, this.uid);
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public String uid() {
    return uid;
  }

  /** {@code namespace/name}, the form used in logs, Events and as the sharing owner key. */
  public String key() {
    return key;
  }

  @Override
  public int compareTo(ServiceRef o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceRef r && r.hash == hash && r.namespace.equals(namespace) && r.name.equals(name)
        && r.uid.equals(uid);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return key;
  }
}
