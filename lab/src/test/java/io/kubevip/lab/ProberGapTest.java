// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProberGapTest {
  private static Prober.Sample reply(long ms) {
    return new Prober.Sample(ms * 1000, true, false, 1);
  }

  private static Prober.Sample miss(long ms) {
    return new Prober.Sample(ms * 1000, false, false, 0);
  }

  @Test
  void givenRepliesStopBeforeTheEventIsInjected_whenGapMeasured_thenFromTheLastReplyBefore() {
    List<Prober.Sample> s = List.of(reply(0), reply(10), miss(20), miss(30), reply(3050), reply(3060));

    assertThat(Prober.longestGap(s, 15_000, 4_000_000)).contains(3_040_000L);
  }

  @Test
  void givenNoLoss_whenGapMeasured_thenOneProbeInterval() {
    List<Prober.Sample> s = List.of(reply(0), reply(10), reply(20), reply(30));

    assertThat(Prober.longestGap(s, 5_000, 40_000)).contains(10_000L);
  }

  @Test
  void givenNoReplyAfterTheEvent_whenGapMeasured_thenEmpty() {
    List<Prober.Sample> s = List.of(reply(0), miss(10), miss(20));

    assertThat(Prober.longestGap(s, 5_000, 40_000)).isEmpty();
  }

  @Test
  void givenNoAnswerYetThenTheReplyForTheSameProbe_whenSampled_thenLateNotLost() {
    Prober p = new Prober(null, "10.0.0.50");
    p.onPing(new MonitorLines.Ping(10_000, 1, true));
    p.onPing(new MonitorLines.Ping(30_000, 2, false)); // "no answer yet for icmp_seq=2" when 3 was sent
    p.onPing(new MonitorLines.Ping(32_000, 2, true)); // ...and its reply, late
    p.onPing(new MonitorLines.Ping(40_000, 4, false)); // never answered
    p.onPing(new MonitorLines.Ping(50_000, 3, true));

    List<Prober.Sample> s = p.samples(0, 60_000);

    assertThat(s).filteredOn(Prober.Sample::lost).extracting(Prober.Sample::atMicros).containsExactly(40_000L);
    assertThat(s).filteredOn(Prober.Sample::answeredLate).extracting(Prober.Sample::atMicros)
        .containsExactly(30_000L);
    assertThat(p.longestGapMicros(0, 60_000)).as("outages are measured between replies").contains(22_000L);
  }

  @Test
  void givenLateRepliesToOldProbes_whenAFreshReplyIsAwaited_thenOnlyAReplyToAProbeSentAfterTheCallCounts() {
    Prober p = new Prober(null, "10.0.0.50");
    p.onPing(new MonitorLines.Ping(10_000, 40, false)); // the last line read before the call: 41 may be out already
    Thread late = new Thread(() -> {
      p.onPing(new MonitorLines.Ping(20_000, 12, true)); // held in the neighbour queue, answered now
      p.onPing(new MonitorLines.Ping(20_100, 41, true));
      p.onPing(new MonitorLines.Ping(21_000, 42, false));
      p.onPing(new MonitorLines.Ping(30_000, 43, true));
    });

    var fresh = new java.util.concurrent.atomic.AtomicReference<java.util.Optional<Long>>();
    Thread waiter = new Thread(() -> fresh.set(p.awaitFreshReply(java.time.Duration.ofSeconds(5))));
    waiter.start();
    org.awaitility.Awaitility.await().until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
    late.start();
    org.awaitility.Awaitility.await().until(() -> fresh.get() != null);

    assertThat(fresh.get()).contains(30_000L);
  }

  @Test
  void givenSequenceNumbersThatWrap_whenCompared_thenLaterAcrossTheWrap() {
    assertThat(Prober.later(1, 65_535)).isTrue();
    assertThat(Prober.later(65_535, 1)).isFalse();
    assertThat(Prober.later(7, 7)).isFalse();
    assertThat(Prober.later(8, 7)).isTrue();
  }
}
