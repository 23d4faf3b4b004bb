// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.placement.PlacementReason;
import io.kubevip.domain.plan.Action;
import io.kubevip.ports.out.MetricsPort;
import java.time.Duration;

/** Records every observation, for asserting that use cases report what they did. */
public final class FakeMetricsPort implements MetricsPort {
  private final CallLog log = new CallLog();

  @Override
  public void placementDecided(PlacementReason reason) {
    log.record(RecordedCall.of("metrics.placementDecided", reason));
  }

  @Override
  public void actionExecuted(Action action, boolean succeeded) {
    log.record(RecordedCall.of("metrics.actionExecuted", action, succeeded));
  }

  @Override
  public void leadershipChanged(LeaseName lease, boolean leading) {
    log.record(RecordedCall.of("metrics.leadershipChanged", lease, leading));
  }

  @Override
  public void reconcileCompleted(String useCase, Duration took, boolean succeeded) {
    log.record(RecordedCall.of("metrics.reconcileCompleted", useCase, took, succeeded));
  }

  public CallLog log() {
    return log;
  }
}
