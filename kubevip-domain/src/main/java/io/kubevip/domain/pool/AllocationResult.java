// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

/**
 * The outcome of one allocation: addresses, or a reason a human can act on (which namespace, which pool keys,
 * why). A reason rather than an exception, because running out of addresses is an expected state to report as a
 * Service Event, not an error in our code.
 */
public sealed interface AllocationResult permits Allocated, AllocationFailed {}
