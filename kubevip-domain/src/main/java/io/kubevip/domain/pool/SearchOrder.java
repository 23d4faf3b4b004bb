// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

/** {@code search-order}: where in a pool the first free address is looked for. */
public enum SearchOrder {
  /** Lowest free address first (the default). */
  ASCENDING,
  /** {@code search-order: desc}: highest free address first. */
  DESCENDING
}
