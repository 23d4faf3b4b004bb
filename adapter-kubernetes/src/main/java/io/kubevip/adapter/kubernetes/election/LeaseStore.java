// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes one Lease object. Kept behind an interface so the election's timing logic (fencing above all)
 * is tested with a store that fails on demand, and the fabric8 store runs against the mock API server.
 *
 * <p>Writes are compare-and-swap on resourceVersion: {@link ConflictException} when someone else wrote first.
 */
interface LeaseStore extends AutoCloseable {
  Optional<LeaseSnapshot> get();

  /** Creates the Lease; {@link ConflictException} when it exists already. */
  LeaseSnapshot create(LeaseSnapshot desired);

  /** Replaces the Lease if its resourceVersion is still {@code desired.resourceVersion()}. */
  LeaseSnapshot update(LeaseSnapshot desired);

  /** Delivers every change of the Lease (and empty on deletion) until closed. */
  AutoCloseable watch(Consumer<Optional<LeaseSnapshot>> onChange);

  @Override
  void close();

  /** Another writer won the compare-and-swap: normal in an election, not an error. */
  final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
      super(message, null, false, false);
    }
  }
}
