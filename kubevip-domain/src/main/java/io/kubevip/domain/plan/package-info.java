// SPDX-License-Identifier: Apache-2.0
/**
 * From "what this node should announce" and "what it has now" to an ordered list of idempotent actions, so the
 * ordering rules (withdraw before remove, add before announce) live in one tested place and not in adapters.
 */
package io.kubevip.domain.plan;
