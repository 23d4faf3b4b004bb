// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseArithmeticTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LeaseTiming timing = LeaseTiming.DEFAULT;
  private final LeaseRecord heldByA = LeaseRecord.acquired("a", T0, timing.leaseDuration());

  @Test
  void givenNoLease_whenAsked_thenAcquireNoRecord() {
    assertThat(LeaseArithmetic.canAcquire(Optional.empty(), "b", T0))
        .isEqualTo(new AcquireDecision.Acquire(AcquireDecision.AcquireReason.NO_RECORD));
  }

  @Test
  void givenOtherHolderNotExpired_whenAsked_thenWaitUntilExpiry() {
    AcquireDecision d = LeaseArithmetic.canAcquire(heldByA, "b", T0.plusSeconds(14));
    assertThat(d).isEqualTo(new AcquireDecision.Wait(AcquireDecision.WaitReason.HELD_BY_OTHER, "a", T0.plusSeconds(15)));
    assertThat(d.allowed()).isFalse();
  }

  @Test
  void givenOtherHolderExactlyAtExpiry_whenAsked_thenAcquireExpired() {
    assertThat(LeaseArithmetic.canAcquire(heldByA, "b", T0.plusSeconds(15)))
        .isEqualTo(new AcquireDecision.Acquire(AcquireDecision.AcquireReason.EXPIRED));
  }

  @Test
  void givenOwnLease_whenAsked_thenRenewAllowedEvenBeforeExpiry() {
    assertThat(LeaseArithmetic.canAcquire(heldByA, "a", T0.plusSeconds(1)).allowed()).isTrue();
  }

  @Test
  void givenReleasedLease_whenAsked_thenAcquireReleased() {
    assertThat(LeaseArithmetic.canAcquire(heldByA.released(T0.plusSeconds(3)), "b", T0.plusSeconds(3)))
        .isEqualTo(new AcquireDecision.Acquire(AcquireDecision.AcquireReason.RELEASED));
  }

  @Test
  void givenHolderStoppedRenewing_whenComparingDeadlines_thenFencingStrictlyBeforeTakeoverByTheMargin() {
    Instant fencing = LeaseArithmetic.fencingDeadline(heldByA, timing);
    assertThat(fencing).isEqualTo(T0.plusSeconds(10));
    assertThat(Duration.between(fencing, heldByA.expiresAt())).isEqualTo(timing.safetyMargin()).isPositive();
    assertThat(LeaseArithmetic.mustStopAnnouncing(heldByA, timing, T0.plusMillis(9_999))).isFalse();
    assertThat(LeaseArithmetic.mustStopAnnouncing(heldByA, timing, T0.plusSeconds(10))).isTrue();
  }

  @Test
  void givenEveryNowUpToTakeover_whenHolderAnnouncesAndFollowerAcquires_thenNeverBoth() {
    for (long ms = 0; ms <= 20_000; ms += 50) {
      Instant now = T0.plusMillis(ms);
      boolean holderAnnounces = !LeaseArithmetic.mustStopAnnouncing(heldByA, timing, now);
      boolean followerMayTake = LeaseArithmetic.canAcquire(heldByA, "b", now).allowed();
      assertThat(holderAnnounces && followerMayTake).as("at +%d ms", ms).isFalse();
    }
  }

  @Test
  void givenRecord_whenTakenOverOrRenewed_thenTransitionsCountOnlyHolderChanges() {
    LeaseRecord renewed = heldByA.takenBy("a", T0.plusSeconds(2), timing.leaseDuration());
    assertThat(renewed.acquireTime()).isEqualTo(T0);
    assertThat(renewed.renewTime()).isEqualTo(T0.plusSeconds(2));
    assertThat(renewed.transitions()).isZero();
    LeaseRecord taken = renewed.takenBy("b", T0.plusSeconds(20), timing.leaseDuration());
    assertThat(taken.holder()).isEqualTo("b");
    assertThat(taken.acquireTime()).isEqualTo(T0.plusSeconds(20));
    assertThat(taken.transitions()).isEqualTo(1);
  }

  @Test
  void givenInjectedClock_whenAskingLeaseClock_thenUsesThatClockNotTheSystemOne() {
    Clock atTakeover = Clock.fixed(T0.plusSeconds(15), ZoneOffset.UTC);
    Clock before = Clock.fixed(T0.plusSeconds(11), ZoneOffset.UTC);
    assertThat(new LeaseClock(atTakeover, timing).canAcquire(Optional.of(heldByA), "b").allowed()).isTrue();
    LeaseClock early = new LeaseClock(before, timing);
    assertThat(early.canAcquire(Optional.of(heldByA), "b").allowed()).isFalse();
    assertThat(early.mustStopAnnouncing(heldByA)).isTrue();
    assertThat(early.untilFencing(heldByA)).isEqualTo(Duration.ofSeconds(-1));
    assertThat(early.take(Optional.of(heldByA), "a").renewTime()).isEqualTo(T0.plusSeconds(11));
    assertThat(early.take(Optional.empty(), "b")).isEqualTo(LeaseRecord.acquired("b", T0.plusSeconds(11), timing.leaseDuration()));
  }
}
