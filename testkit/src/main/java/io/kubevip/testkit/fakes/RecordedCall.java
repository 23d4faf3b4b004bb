// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import java.util.List;
import java.util.Objects;

/** One call on a fake: operation name and arguments, e.g. {@code add(10.0.0.1/32, eth0)}. */
public record RecordedCall(String operation, List<Object> arguments) {
  public RecordedCall {
    Objects.requireNonNull(operation, "operation");
    arguments = List.copyOf(arguments);
  }

  public static RecordedCall of(String operation, Object... arguments) {
    return new RecordedCall(operation, List.of(arguments));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(operation).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(arguments.get(i));
    }
    return sb.append(')').toString();
  }
}
