// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.lease.LeaseName;

/**
 * Campaigns for a lease (Kubernetes Lease or etcd) under this node's identity. Timing comes from the adapter's
 * {@link io.kubevip.domain.lease.LeaseTiming}; the arithmetic is {@link io.kubevip.domain.lease.LeaseArithmetic}.
 *
 * <p>Caller: use-case services at startup and per-service election. Threading: {@code run} returns at once;
 * the adapter campaigns on its own thread and delivers {@link LeadershipCallbacks} there. Idempotency:
 * {@code release} of a lease not running is a no-op; {@code run} of a lease already running is refused with
 * {@link IllegalStateException} (two campaigns for one lease would fight each other).
 */
public interface LeaderElectionPort {
  /** Starts campaigning for {@code lease}; callbacks follow until {@link #release}. */
  void run(LeaseName lease, LeadershipCallbacks callbacks);

  /**
   * Stops campaigning; if leading, calls {@code onStoppedLeading} and then gives the lease up (empty holder) so
   * another node can take over without waiting for expiry. Returns after {@code onStoppedLeading} returned.
   */
  void release(LeaseName lease);
}
