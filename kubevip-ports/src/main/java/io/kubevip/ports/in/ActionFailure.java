// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

import io.kubevip.domain.plan.Action;
import java.util.Objects;

/** An action that failed or was skipped because an earlier step for the same binding failed. */
public record ActionFailure(Action action, String message) {
  public ActionFailure {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(message, "message");
  }
}
