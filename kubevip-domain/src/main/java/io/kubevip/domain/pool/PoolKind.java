// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

/** The two pool notations; within one scope a {@code cidr-*} key is looked up before a {@code range-*} key. */
public enum PoolKind {
  CIDR("cidr"),
  RANGE("range");

  private final String keyPrefix;

  PoolKind(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** ConfigMap key for a scope: {@code cidr-prod}, {@code range-global}. */
  public String key(String scope) {
    return keyPrefix + "-" + scope;
  }
}
