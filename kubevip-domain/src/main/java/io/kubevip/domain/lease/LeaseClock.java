// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LeaseArithmetic} bound to an injected {@link Clock} and a {@link LeaseTiming}, for election adapters:
 * production passes {@code Clock.systemUTC()}, tests a fixed or stepping clock, and nothing ever sleeps to test
 * expiry. Immutable and thread-safe when the clock is.
 */
public final class LeaseClock {
  private final Clock clock;
  private final LeaseTiming timing;

  public LeaseClock(Clock clock, LeaseTiming timing) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  public Instant now() {
    return clock.instant();
  }

  public LeaseTiming timing() {
    return timing;
  }

  public AcquireDecision canAcquire(Optional<LeaseRecord> record, String me) {
    return LeaseArithmetic.canAcquire(record, me, now());
  }

  /** The record to write when {@code me} acquires or renews now. */
  public LeaseRecord take(Optional<LeaseRecord> record, String me) {
    Instant now = now();
    return record.map(r -> r.takenBy(me, now, timing.leaseDuration()))
        .orElseGet(() -> LeaseRecord.acquired(me, now, timing.leaseDuration()));
  }

  public Instant fencingDeadline(LeaseRecord myLastRenewal) {
    return LeaseArithmetic.fencingDeadline(myLastRenewal, timing);
  }

  public boolean mustStopAnnouncing(LeaseRecord myLastRenewal) {
    return LeaseArithmetic.mustStopAnnouncing(myLastRenewal, timing, now());
  }

  /** Time left before the fencing deadline; zero or negative means stop now. */
  public Duration untilFencing(LeaseRecord myLastRenewal) {
    return Duration.between(now(), fencingDeadline(myLastRenewal));
  }
}
