// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.kubernetes.api.model.Service;
import io.kubevip.testkit.netns.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 30 Services created at once in distributed mode ({@code svc_election=true}, three real managers): each must end up
 * announced by exactly one node. Nodes see the allocations arrive in different steps and compute different owners
 * for a while; this failed (VIPs left by every node to another, for minutes) while {@code ServicesController.place}
 * kept units nobody had recorded sticky to each node's own last computation. Units without a {@code vipHost} are now
 * placed afresh every pass, so nodes converge once they see the same Services (unit test:
 * {@code ServicesBurstPlacementTest}).
 */
class ServicesBurstPlacementPrivilegedIT {
  @Test
  void given30ServicesCreatedAtOnce_whenPlacedBySvcElection_thenEveryOneIsAnnouncedByOneNode() {
    Privileged.assume();
    try (ServicesLab lab = ServicesLab.start("burst", Map.of("svc_election", "true"),
        Map.of("range-global", "10.99.0.64-10.99.0.95"))) {
      List<Service> services = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        services.add(lab.createService("burst", "s-" + i));
      }
      lab.awaitAnnounced(services, Duration.ofSeconds(90));
    }
  }
}
