// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.Action;
import io.kubevip.domain.plan.AnnouncementPlan;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.plan.VipState;
import io.kubevip.ports.in.ActionFailure;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeMetricsPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.ForwardingVipAddressPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Giving up many VIPs is one batch for the address port (one read of the interfaces), with failures per VIP. */
class PlanExecutorBatchTest {
  static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Test
  void givenPlanRemovingManyVips_whenExecuted_thenOneBatchAndEachFailureReportedForItsVip() {
    Set<VipBinding> held = IntStream.range(1, 101)
        .mapToObj(i -> new VipBinding(VipAddress.parse("10.99.64." + i + "/32"), ETH0)).collect(Collectors.toSet());
    VipBinding refused = new VipBinding(VipAddress.parse("10.99.64.7/32"), ETH0);
    BatchCountingAddresses addresses = new BatchCountingAddresses(refused);
    held.forEach(b -> addresses.add(b.vip(), b.iface()));
    PlanExecutor executor = new PlanExecutor(addresses, VipAnnouncer.l2(new FakeL2AnnouncePort(ETH0)),
        new FakeMetricsPort());

    List<ActionFailure> failures = new ArrayList<>();
    List<Action> done = executor.execute(AnnouncementPlan.between(Set.of(), new VipState(held, Set.of())), failures);

    assertThat(addresses.batches).containsExactly(100);
    assertThat(done).hasSize(99).allMatch(a -> a instanceof Action.RemoveAddress);
    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.action()).isEqualTo(new Action.RemoveAddress(refused));
      assertThat(f.message()).contains("refused by the kernel");
    });
    assertThat(addresses.addresses(ETH0)).containsExactly(refused.vip());
  }

  /** Records batch sizes and refuses one VIP. */
  private static final class BatchCountingAddresses extends ForwardingAddresses {
    final List<Integer> batches = new ArrayList<>();
    private final VipBinding refused;

    BatchCountingAddresses(VipBinding refused) {
      super(new FakeVipAddressPort(ETH0));
      this.refused = refused;
    }

    @Override
    public Map<VipBinding, PortException> removeAll(Collection<VipBinding> bindings) {
      batches.add(bindings.size());
      bindings.stream().filter(b -> !b.equals(refused)).forEach(b -> remove(b.vip(), b.iface()));
      return bindings.contains(refused) ? Map.of(refused, new PortException("refused by the kernel")) : Map.of();
    }
  }

  /** Delegates to a fake. */
  private static class ForwardingAddresses extends ForwardingVipAddressPort {
    private final FakeVipAddressPort fake;

    ForwardingAddresses(FakeVipAddressPort fake) {
      super(fake);
      this.fake = fake;
    }

    Set<VipAddress> addresses(InterfaceName iface) {
      return fake.addresses(iface);
    }
  }
}
