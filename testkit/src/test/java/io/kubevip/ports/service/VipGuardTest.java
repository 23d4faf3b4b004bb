// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.fakes.FakeLinkWatchPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VipGuardTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipBinding V4 = VipBinding.of(VipAddress.parse("10.0.0.5/32"), ETH0);
  private static final VipBinding V6 = VipBinding.of(VipAddress.parse("fd00::5/128"), ETH0);

  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final FakeLinkWatchPort watch = new FakeLinkWatchPort(addresses);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong();
  private final VipGuard guard = new VipGuard(addresses, watch, new VipGuard.Events() {
    @Override
    public void restored(VipBinding binding, Duration took) {
      events.add("restored " + binding + " in " + took.toNanos());
    }

    @Override
    public void dadRecovered(VipBinding binding) {
      events.add("dad " + binding);
    }

    @Override
    public void restoreFailed(VipBinding binding, PortException error) {
      events.add("failed " + binding);
    }

    @Override
    public void linkDown(InterfaceName iface) {
      events.add("down " + iface);
    }

    @Override
    public void linkUp(InterfaceName iface) {
      events.add("up " + iface);
    }
  }, () -> clock.getAndAdd(7));

  @Test
  void givenHeldVip_whenDeletedExternally_thenAddedAgainAtOnce() {
    guard.hold(V4);
    watch.deleteExternally(V4);
    assertThat(addresses.addresses(ETH0)).contains(V4.vip());
    assertThat(addresses.log().calls("address.add")).hasSize(2);
    assertThat(events).containsExactly("restored " + V4 + " in 7");
  }

  @Test
  void givenReleasedVip_whenDeletedExternally_thenNotAddedAgain() {
    guard.hold(V4);
    guard.release(V4);
    watch.deleteExternally(V4);
    assertThat(addresses.addresses(ETH0)).doesNotContain(V4.vip());
    assertThat(guard.held()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void givenHeldIpv6Vip_whenDadFails_thenRemovedThenAddedAgain() {
    guard.hold(V6);
    watch.failDad(V6);
    List<RecordedCall> calls = addresses.log().calls();
    assertThat(calls.subList(calls.size() - 2, calls.size())).containsExactly(
        RecordedCall.of("address.remove", V6.vip(), ETH0), RecordedCall.of("address.add", V6.vip(), ETH0));
    assertThat(addresses.addresses(ETH0)).contains(V6.vip());
    assertThat(events).containsExactly("dad " + V6);
  }

  @Test
  void givenAddressPortFailing_whenDeletedExternally_thenFailureReportedAndGuardKeepsHolding() {
    guard.hold(V4);
    addresses.log().failAll("address.add");
    watch.deleteExternally(V4);
    assertThat(events).containsExactly("failed " + V4);
    assertThat(guard.held()).containsExactly(V4);
  }

  @Test
  void givenHeldVip_whenLinkDownAndUp_thenPassedOn() {
    guard.hold(V4);
    watch.takeDown(ETH0);
    watch.bringUp(ETH0);
    assertThat(events).containsExactly("down eth0", "up eth0");
  }

  @Test
  void givenMissingInterface_whenHolding_thenPortExceptionAndNotHeld() {
    VipBinding missing = VipBinding.of(V4.vip(), InterfaceName.of("eth9"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.hold(missing))
        .isInstanceOf(PortException.class).hasMessageContaining("eth9");
    assertThat(guard.held()).isEmpty();
  }

  @Test
  void givenClosedGuard_whenDeletedExternally_thenNotAddedAgainAndAddressesLeft() {
    guard.hold(V4);
    guard.hold(V6);
    guard.close();
    assertThat(watch.openSubscriptions()).isZero();
    watch.deleteExternally(V4);
    assertThat(addresses.addresses(ETH0)).containsExactly(V6.vip());
  }
}
