// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"15, 15000", "800ms, 800", "1m30s, 90000", "1.5s, 1500", "PT2S, 2000", "1h, 3600000", "0s, 0"})
  void givenText_whenParsed_thenMillis(String text, long millis) {
    assertThat(Durations.parse(text, ChronoUnit.SECONDS)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "5 s", "-1s", "1x", "s"})
  void givenNonsense_whenParsed_thenRejected(String text) {
    assertThatThrownBy(() -> Durations.parse(text, ChronoUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
  }
}
