// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

/** Polling pauses of the lab's own loops (never used by tests for synchronisation). */
final class Sleep {
  private Sleep() {}

  static void millis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted", e);
    }
  }
}
