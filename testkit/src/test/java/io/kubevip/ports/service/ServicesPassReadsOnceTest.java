// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.VipAddressPort;
import io.kubevip.testkit.fakes.CallLog;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.ForwardingVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A pass reads this node's addresses once (a netlink dump of every address: O(N) at N Services) and derives the
 * state it reports from that read and what it did; only after a failed action does it read again. The report still
 * sees what the pass did: a VIP added in the pass is reported as announced by that same pass.
 */
class ServicesPassReadsOnceTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final VipAddress VIP = VipAddress.parse("10.0.0.50");

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final CallLog log = new CallLog();
  private final FakeVipAddressPort fake = new FakeVipAddressPort(log, ETH0);
  private final AtomicInteger reads = new AtomicInteger();
  private final ClusterModel model = new ClusterModel();

  /** Counts full reads. */
  private final VipAddressPort addresses = new ForwardingVipAddressPort(fake) {
    @Override
    public Map<InterfaceName, Set<VipAddress>> listAllOurs() {
      reads.incrementAndGet();
      return super.listAllOurs();
    }
  };

  private ServicesController controller() {
    return LeaseHolderController.create(cluster, model, SELF, ETH0, addresses, cluster.status(),
        java.time.Clock.systemUTC());
  }

  @Test
  void givenAPassThatAddsAndOneThatRemoves_whenRun_thenEachReadsOnce_andReportsWhatItDid() {
    ServicesController c = controller();
    cluster.watch().upsert(Svc.of("default", "web").requesting("10.0.0.50").build());

    c.reconcile();

    assertThat(fake.addresses(ETH0)).containsExactly(VIP);
    assertThat(reads).as("reads in the pass that added the VIP").hasValue(1);
    assertThat(cluster.status().announcedBy(Svc.ref("default", "web"))).as("reported by that same pass")
        .contains(SELF);

    cluster.watch().delete(Svc.ref("default", "web"));
    c.reconcile();

    assertThat(fake.addresses(ETH0)).isEmpty();
    assertThat(reads).as("reads after the pass that removed it").hasValue(2);
  }

  @Test
  void givenAFailedAdd_whenThePassRuns_thenItReadsAgainBeforeReporting() {
    ServicesController c = controller();
    log.failOn(RecordedCall.of("address.add", VIP, ETH0));
    cluster.watch().upsert(Svc.of("default", "web").requesting("10.0.0.50").build());

    c.reconcile();

    assertThat(reads).hasValue(2);
    assertThat(cluster.status().announcedBy(Svc.ref("default", "web"))).isEmpty();
  }
}
