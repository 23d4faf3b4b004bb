// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.kubernetes.api.model.Service;
import io.kubevip.testkit.netns.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * 30 Services created at once in distributed mode ({@code svc_election=true}, three real managers): each must end up
 * announced by one node. Today some are announced by nobody, for good: while a unit has no {@code vipHost} yet,
 * {@code ServicesController.place} keeps it sticky to the owner <em>this node</em> computed last
 * ({@code lastOwners}); nodes that saw the allocations arrive in different steps (or the liveness Leases at different
 * times) computed different owners, and for some VIPs each node keeps pointing at another, so none announces and no
 * {@code vipHost} is ever written to break the tie (seen in the lab: {@code team-a/a-0} and {@code a-4} unannounced
 * for over 3 minutes). The same divergence the other way round has two nodes announce a new VIP at once.
 */
class ServicesBurstPlacementPrivilegedIT {
  @Test
  @Disabled("kubevip bug: ServicesController.place sticks unrecorded units to per-node lastOwners; nodes that saw "
      + "a burst of allocations in different steps can each leave a VIP to another node forever")
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
