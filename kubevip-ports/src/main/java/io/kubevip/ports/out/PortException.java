// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

/**
 * A port operation failed for a reason outside the caller's control (kernel error, peer down, API refused).
 * The message says what was being done and to what ("adding 10.0.0.5/32 to eth0: EEXIST"); use-case services
 * catch it per action, record it and carry on, then retry on the next reconcile.
 */
public class PortException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PortException(String message) {
    super(message);
  }

  public PortException(String message, Throwable cause) {
    super(message, cause);
  }
}
