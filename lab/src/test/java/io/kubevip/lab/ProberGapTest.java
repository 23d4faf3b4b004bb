// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProberGapTest {
  private static Prober.Sample reply(long ms) {
    return new Prober.Sample(ms * 1000, true, 1);
  }

  private static Prober.Sample miss(long ms) {
    return new Prober.Sample(ms * 1000, false, 0);
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
}
