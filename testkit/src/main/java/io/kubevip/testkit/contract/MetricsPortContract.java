// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.placement.PlacementReason;
import io.kubevip.domain.plan.Action;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.MetricsPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every {@link MetricsPort} must accept every observation, any number of times, without throwing. */
public abstract class MetricsPortContract<P extends MetricsPort> {
  protected abstract P createPort();

  @Test
  void givenEveryKindOfObservation_whenReportedRepeatedly_thenNeverThrows() {
    P port = createPort();
    Action action = new Action.Announce(VipBinding.of(VipAddress.parse("192.0.2.10"), InterfaceName.of("eth0")));
    assertThatCode(() -> {
      for (int i = 0; i < 3; i++) {
        for (PlacementReason r : PlacementReason.values()) {
          port.placementDecided(r);
        }
        port.actionExecuted(action, true);
        port.actionExecuted(action, false);
        port.leadershipChanged(new LeaseName("kube-system", "plndr-cp-lock"), i % 2 == 0);
        port.reconcileCompleted("services", Duration.ofMillis(i), i % 2 == 0);
        port.reconcileCompleted("services", Duration.ZERO, true);
      }
    }).doesNotThrowAnyException();
  }
}
