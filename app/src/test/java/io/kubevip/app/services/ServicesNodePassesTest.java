// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static io.kubevip.app.services.SingleServicesNode.ETH0;
import static io.kubevip.app.services.SingleServicesNode.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One new Service costs the announcing node one pass: the pass allocates, sees its own write's result and announces;
 * the change event of that write asks for no second pass, since the picture is the one just reconciled. A change
 * the pass did not see still gets its pass.
 */
class ServicesNodePassesTest {
  @RegisterExtension
  final SingleServicesNode services = new SingleServicesNode();
  private ServicesNode node;

  private static ServiceIntent service(String name) {
    return ServiceIntent.of(new ServiceRef("default", name, "uid-" + name), List.of(),
        List.of(ServicePort.tcp(80)));
  }

  private void startNode() {
    services.cluster.watch().upsertPoolConfig(Map.of("range-global", "10.0.0.50-10.0.0.60"));
    node = services.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> node.status().allocating());
    long quiet = services.passes();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> services.passes() == quiet);
  }

  private void awaitNoMorePasses() {
    long[] seen = {services.passes()};
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> {
      long now = services.passes();
      boolean same = now == seen[0];
      seen[0] = now;
      return same;
    });
  }

  @Test
  void givenANewService_whenAllocatedAndAnnounced_thenOnePass_andAnotherChangeStillGetsOne() {
    startNode();
    long before = services.passes();

    services.cluster.watch().upsert(service("web"));

    await().atMost(Duration.ofSeconds(5)).until(() -> services.addresses.addresses(ETH0)
        .contains(VipAddress.parse("10.0.0.50"))
        && services.cluster.status().announcedBy(new ServiceRef("default", "web", "uid-web")).equals(Optional.of(SELF)));
    awaitNoMorePasses();
    assertThat(services.passes() - before).as("passes for one new Service").isEqualTo(1);

    services.cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of()));
    await().atMost(Duration.ofSeconds(3)).until(() -> services.passes() == before + 2);
    assertThat(node.status().announced()).isEqualTo(1);
  }

  @Test
  void givenAServiceCreatedWhileTheAllocatorWrites_whenThePassEnds_thenTheNextPassAllocatesIt() {
    AtomicBoolean first = new AtomicBoolean(true);
    services.allocatorWrites(new ForwardingServiceStatusPort(services.cluster.status()) {
      @Override
      public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
        super.recordAllocation(service, addresses);
        if (first.getAndSet(false)) {
          // after the allocator looked, before the announcer plans: the pass sees it unallocated
          services.cluster.watch().upsert(service("late"));
        }
      }
    });
    startNode();

    services.cluster.watch().upsert(service("web"));

    ServiceRef late = new ServiceRef("default", "late", "uid-late");
    await().atMost(Duration.ofSeconds(5))
        .until(() -> services.cluster.status().announcedBy(late).equals(Optional.of(SELF)));
    assertThat(services.cluster.addressesOf(late)).containsExactly("10.0.0.51");
    assertThat(services.addresses.addresses(ETH0))
        .contains(VipAddress.parse("10.0.0.50"), VipAddress.parse("10.0.0.51"));
  }
}
