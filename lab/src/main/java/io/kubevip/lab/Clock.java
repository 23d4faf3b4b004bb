// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import java.time.Instant;

/**
 * Wall-clock microseconds, the time base ping -D uses, so an event injected by the lab and a reply printed by
 * ping can be compared directly.
 */
public final class Clock {
  private Clock() {}

  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
