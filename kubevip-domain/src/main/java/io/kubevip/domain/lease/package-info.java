// SPDX-License-Identifier: Apache-2.0
/**
 * Lease arithmetic for leader election: validated timings, expiry, who may acquire, and the fencing deadline by
 * which a holder that stopped renewing must have stopped announcing. Time always comes from an injected
 * {@link java.time.Clock} or an {@link java.time.Instant} argument, so tests never sleep.
 */
package io.kubevip.domain.lease;
