// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

/**
 * Makes this node serve, or stop serving, the control-plane VIPs. Called on leadership changes and periodically
 * to repair drift (an address deleted by hand). Idempotent: a converged node does nothing. Thread-safe:
 * concurrent calls are serialised.
 */
public interface ReconcileControlPlaneVipUseCase {
  ReconcileOutcome reconcile(ReconcileControlPlaneVipCommand command);
}
