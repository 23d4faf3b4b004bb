// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.ports.out.PortException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared recording and failure-injection part of every fake: a call is recorded first, then fails if a
 * matching failure was armed (so failed attempts show up in the log too).
 */
public final class CallLog {
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Set<RecordedCall> failing = new HashSet<>();
  private final Set<String> failingOperations = new HashSet<>();

  /** Records {@code call}; throws {@link PortException} if it was armed to fail. */
  public synchronized void record(RecordedCall call) {
    calls.add(call);
    if (failing.contains(call) || failingOperations.contains(call.operation())) {
      throw new PortException("injected failure: " + call);
    }
  }

  /** Every later call equal to {@code call} fails until {@link #heal()}. */
  public synchronized void failOn(RecordedCall call) {
    failing.add(call);
  }

  /** Every later call of {@code operation} fails until {@link #heal()}. */
  public synchronized void failAll(String operation) {
    failingOperations.add(operation);
  }

  public synchronized void heal() {
    failing.clear();
    failingOperations.clear();
  }

  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<RecordedCall> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  public synchronized void clear() {
    calls.clear();
  }
}
