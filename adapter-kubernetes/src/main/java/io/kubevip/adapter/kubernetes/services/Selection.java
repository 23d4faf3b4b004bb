// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

/** The outcome of {@link ServiceFilter}: ours, or skipped with a reason for the log. */
sealed interface Selection permits Selection.Selected, Selection.Skipped {
  Selected SELECTED = new Selected();

  /** The Service is ours. */
  record Selected() implements Selection {}

  /** The Service is not ours; {@code detail} says what was seen and what was expected. */
  record Skipped(SkipReason reason, String detail) implements Selection {}
}
