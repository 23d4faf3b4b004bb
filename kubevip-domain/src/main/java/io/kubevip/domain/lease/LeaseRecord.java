// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The spec of a Lease object as last read: {@code holderIdentity}, {@code acquireTime}, {@code renewTime},
 * {@code leaseDurationSeconds}, {@code leaseTransitions}. An empty holder means released (client-go writes that
 * on graceful release).
 */
public record LeaseRecord(String holder, Instant acquireTime, Instant renewTime, Duration leaseDuration, int transitions) {
  public LeaseRecord {
    holder = holder == null ? "" : holder;
    Objects.requireNonNull(acquireTime, "acquireTime");
    Objects.requireNonNull(renewTime, "renewTime");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (transitions < 0) {
      throw new IllegalArgumentException("leaseTransitions " + transitions + ": expected 0 or more");
    }
  }

  /** A fresh lease taken by {@code holder} at {@code now}. */
  public static LeaseRecord acquired(String holder, Instant now, Duration leaseDuration) {
    return new LeaseRecord(holder, now, now, leaseDuration, 0);
  }

  public boolean hasHolder() {
    return !holder.isEmpty();
  }

  public boolean isHeldBy(String identity) {
    return hasHolder() && holder.equals(identity);
  }

  /** When others may take over if no renewal is seen: {@code renewTime + leaseDuration}. */
  public Instant expiresAt() {
    return renewTime.plus(leaseDuration);
  }

  /**
   * The record after {@code me} acquired or renewed at {@code now}: a renewal keeps acquireTime and transitions;
   * taking over from someone else, or after a release, starts a new term and counts a transition (client-go
   * {@code tryAcquireOrRenew}).
   */
  public LeaseRecord takenBy(String me, Instant now, Duration duration) {
    if (isHeldBy(me)) {
      return new LeaseRecord(me, acquireTime, now, duration, transitions);
    }
    return new LeaseRecord(me, now, now, duration, transitions + 1);
  }

  /** The record after a graceful release by the holder (client-go: empty holder, 1 s duration). */
  public LeaseRecord released(Instant now) {
    return new LeaseRecord("", acquireTime, now, Duration.ofSeconds(1), transitions);
  }
}
