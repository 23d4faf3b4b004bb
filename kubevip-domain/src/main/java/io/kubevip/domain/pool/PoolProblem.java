// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.Objects;

/**
 * One thing wrong in the {@code kubevip} ConfigMap. Problems never stop the rest of the config from working: the
 * caller logs them or turns them into Events, so one typo doesn't take every namespace's pool down.
 *
 * @param key the ConfigMap key, e.g. {@code cidr-prod}
 * @param entry the offending entry of that key's value (the whole value for single-valued keys; empty for a
 *     problem with the key itself)
 * @param message what was expected
 */
public record PoolProblem(String key, String entry, String message) {
  public PoolProblem {
    Objects.requireNonNull(key, "key");
    entry = entry == null ? "" : entry;
    Objects.requireNonNull(message, "message");
  }

  /** {@code cidr-prod: '10.0.0.0/33': prefix must be 0..32}. */
  @Override
  public String toString() {
    return entry.isEmpty() ? key + ": " + message : key + ": '" + entry + "': " + message;
  }
}
