// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

/**
 * Places every Service VIP on a node and makes this node serve exactly its share. Called after Service, endpoint
 * or node changes (debounced by the caller) and periodically. Idempotent and thread-safe (calls serialised).
 */
public interface ReconcileServicesUseCase {
  ReconcileOutcome reconcile(ReconcileServicesCommand command);
}
