// SPDX-License-Identifier: Apache-2.0
/**
 * Which node announces each VIP: rendezvous hashing with a load bound and stickiness. Every node computes the
 * same placement from the same inputs, so no coordination is needed beyond agreeing on the inputs.
 */
package io.kubevip.domain.placement;
