// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseTimingTest {
  @Test
  void givenKubeVipDefaultsAndDocValues_whenBuilt_thenAccepted() {
    assertThat(LeaseTiming.DEFAULT.safetyMargin()).isEqualTo(Duration.ofSeconds(5));
    assertThat(LeaseTiming.ofSeconds(5, 3, 1).safetyMargin()).isEqualTo(Duration.ofSeconds(2));
  }

  @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
  @CsvSource({
      "0, 10, 2, vip_leaseduration=0s: expected a positive duration",
      "15, -1, 2, vip_renewdeadline=-1s: expected a positive duration",
      "15, 10, 0, vip_retryperiod=0s: expected a positive duration",
      "15, 15, 2, vip_renewdeadline=15s must be shorter than vip_leaseduration=15s",
      "10, 15, 2, vip_renewdeadline=15s must be shorter than vip_leaseduration=10s",
      "15, 10, 10, vip_retryperiod=10s is too long for vip_renewdeadline=10s",
      "15, 10, 9, vip_retryperiod=9s is too long for vip_renewdeadline=10s"})
  void givenBadTiming_whenBuilt_thenErrorNamesTheSettingAndValue(long lease, long renew, long retry, String message) {
    assertThatThrownBy(() -> LeaseTiming.ofSeconds(lease, renew, retry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void givenMissingDuration_whenBuilt_thenErrorNamesTheSetting() {
    assertThatThrownBy(() -> new LeaseTiming(Duration.ofSeconds(15), null, Duration.ofSeconds(2)))
        .hasMessageContaining("vip_renewdeadline is missing");
  }

  @Test
  void givenUnitRandom_whenRetryDelay_thenBetweenOneAndTwoPointTwoPeriods() {
    LeaseTiming t = LeaseTiming.DEFAULT;
    assertThat(t.retryDelay(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(t.retryDelay(0.5)).isEqualTo(Duration.ofMillis(3200));
    assertThat(t.retryDelay(0.999999)).isLessThan(Duration.ofMillis(4400)).isGreaterThan(Duration.ofMillis(4399));
    assertThatThrownBy(() -> t.retryDelay(1.0)).hasMessageContaining("[0, 1)");
  }
}
