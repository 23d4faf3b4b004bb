// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.placement.PlacementReason;
import io.kubevip.testkit.contract.MetricsPortContract;
import org.junit.jupiter.api.Test;

class FakeMetricsPortTest extends MetricsPortContract<FakeMetricsPort> {
  @Override
  protected FakeMetricsPort createPort() {
    return new FakeMetricsPort();
  }

  @Test
  void givenObservation_whenReported_thenRecorded() {
    FakeMetricsPort port = createPort();
    port.placementDecided(PlacementReason.KEPT_STICKY);
    assertThat(port.log().calls()).containsExactly(RecordedCall.of("metrics.placementDecided", PlacementReason.KEPT_STICKY));
  }
}
