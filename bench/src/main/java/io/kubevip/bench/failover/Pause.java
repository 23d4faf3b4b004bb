// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

/** A bench program paces itself between events; interruption ends the run. */
final class Pause {
  private Pause() {}

  static void millis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
