// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.Objects;

/** Nothing was allocated; {@code reason} names the namespace, the pool keys tried and why. */
public record AllocationFailed(String reason) implements AllocationResult {
  public AllocationFailed {
    Objects.requireNonNull(reason, "reason");
  }
}
