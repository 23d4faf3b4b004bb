// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure lease rules (client-go {@code tryAcquireOrRenew}), with time as an argument.
 *
 * <p><b>The fencing bound.</b> A holder that last renewed successfully at {@code renewTime} keeps trying until
 * {@code renewTime + renewDeadline}; by then it must have withdrawn its VIPs. Another node may acquire from
 * {@code renewTime + leaseDuration} on. Because {@code renewDeadline < leaseDuration}, the holder's last
 * announcing instant is strictly before the earliest takeover, by the margin {@code leaseDuration -
 * renewDeadline} (5 s with the defaults). That margin must cover: (1) clock skew, since the follower compares
 * {@code renewTime}, written by the holder's clock, with its own; (2) the time the holder needs to withdraw
 * (BGP withdraw, address removal). With skew {@code s} and withdraw time {@code w} there is no double
 * announcement while {@code s + w < leaseDuration - renewDeadline}; keep node clocks NTP-synchronised to well
 * under a second. The holder must take {@code renewTime} as the instant it <i>sent</i> the renewal, not when the
 * answer arrived, so a slow API server only makes it stop earlier.
 */
public final class LeaseArithmetic {
  private LeaseArithmetic() {}

  /** Whether {@code me} may acquire or renew at {@code now}; an absent record means the Lease does not exist. */
  public static AcquireDecision canAcquire(Optional<LeaseRecord> record, String me, Instant now) {
    Objects.requireNonNull(me, "me");
    Objects.requireNonNull(now, "now");
    if (record.isEmpty()) {
      return new AcquireDecision.Acquire(AcquireDecision.AcquireReason.NO_RECORD);
    }
    LeaseRecord r = record.get();
    if (!r.hasHolder()) {
      return new AcquireDecision.Acquire(AcquireDecision.AcquireReason.RELEASED);
    }
    if (r.isHeldBy(me)) {
      return new AcquireDecision.Acquire(AcquireDecision.AcquireReason.ALREADY_HOLDER);
    }
    if (!now.isBefore(r.expiresAt())) {
      return new AcquireDecision.Acquire(AcquireDecision.AcquireReason.EXPIRED);
    }
    return new AcquireDecision.Wait(AcquireDecision.WaitReason.HELD_BY_OTHER, r.holder(), r.expiresAt());
  }

  public static AcquireDecision canAcquire(LeaseRecord record, String me, Instant now) {
    return canAcquire(Optional.of(record), me, now);
  }

  /** True when the lease has an unexpired holder at {@code now}. */
  public static boolean isHeld(LeaseRecord record, Instant now) {
    return record.hasHolder() && now.isBefore(record.expiresAt());
  }

  /**
   * The instant by which a holder whose last successful renewal is {@code myLastRenewal} must have stopped
   * announcing: {@code renewTime + renewDeadline}, strictly before {@code renewTime + leaseDuration}.
   */
  public static Instant fencingDeadline(LeaseRecord myLastRenewal, LeaseTiming timing) {
    return myLastRenewal.renewTime().plus(timing.renewDeadline());
  }

  /** True once {@code now} reached the fencing deadline: withdraw everything, leadership is lost. */
  public static boolean mustStopAnnouncing(LeaseRecord myLastRenewal, LeaseTiming timing, Instant now) {
    return !now.isBefore(fencingDeadline(myLastRenewal, timing));
  }
}
