// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.dadFailed;
import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.down;
import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.removed;
import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import io.kubevip.testkit.fakes.RecordingLinkWatchListener;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LinkWatchPort} must do. "Nothing reported" is checked without sleeping: a later event that
 * must be reported serves as a barrier, since callbacks arrive in order.
 */
public abstract class LinkWatchPortContract<P extends LinkWatchPort> {
  protected static final VipAddress VIP4 = VipAddress.parse("192.0.2.20/32");
  protected static final VipAddress OTHER4 = VipAddress.parse("192.0.2.21/32");
  protected static final VipAddress VIP6 = VipAddress.parse("2001:db8::20/128");
  protected P port;
  private LinkWatchPort.Subscription subscription;
  private final RecordingLinkWatchListener listener = new RecordingLinkWatchListener();

  /** A fresh port; {@link #existingInterface()} is up and carries none of the contract's VIPs. */
  protected abstract P createPort();

  protected abstract InterfaceName existingInterface();

  /** Puts the VIP on its interface as the address port would (IPv6 without DAD). */
  protected abstract void addAddress(VipBinding binding);

  /** Someone else deletes the VIP ({@code ip addr del}). */
  protected abstract void deleteExternally(VipBinding binding);

  /** Makes the kernel mark the (present, guarded) IPv6 VIP dadfailed, e.g. another host holds it and DAD runs. */
  protected abstract void failDad(VipBinding binding);

  /** The interface loses carrier. */
  protected abstract void takeLinkDown(InterfaceName iface);

  /** The interface has carrier again. */
  protected abstract void bringLinkUp(InterfaceName iface);

  /** How long a report may take; the real adapter promises 100 ms for removals. */
  protected Duration within() {
    return Duration.ofSeconds(1);
  }

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
    subscription = port.watch(listener);
  }

  @AfterEach
  void closeSubscription() {
    subscription.close();
  }

  private VipBinding b(VipAddress vip) {
    return VipBinding.of(vip, existingInterface());
  }

  private ConditionFactory await() {
    return Awaitility.await().atMost(within()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
  }

  @Test
  void givenGuardedVip_whenDeletedExternally_thenVipRemovedReported() {
    addAddress(b(VIP4));
    subscription.guard(b(VIP4));
    deleteExternally(b(VIP4));
    await().until(() -> listener.events().contains(removed(b(VIP4))));
  }

  @Test
  void givenUnguardedVip_whenDeleted_thenNotReported() {
    addAddress(b(VIP4));
    addAddress(b(OTHER4));
    subscription.guard(b(VIP4));
    deleteExternally(b(OTHER4));
    deleteExternally(b(VIP4));
    await().until(() -> listener.events().contains(removed(b(VIP4))));
    assertThat(listener.events()).doesNotContain(removed(b(OTHER4)));
  }

  @Test
  void givenUnguardedAgain_whenDeleted_thenNotReported() {
    addAddress(b(VIP4));
    addAddress(b(OTHER4));
    subscription.guard(b(VIP4));
    subscription.guard(b(OTHER4));
    subscription.unguard(b(OTHER4));
    assertThat(subscription.guarded()).containsExactly(b(VIP4));
    deleteExternally(b(OTHER4));
    deleteExternally(b(VIP4));
    await().until(() -> listener.events().contains(removed(b(VIP4))));
    assertThat(listener.events()).doesNotContain(removed(b(OTHER4)));
  }

  @Test
  void givenClosedSubscription_whenDeleted_thenOnlyOpenOneReports() {
    RecordingLinkWatchListener other = new RecordingLinkWatchListener();
    LinkWatchPort.Subscription open = port.watch(other);
    try {
      addAddress(b(VIP4));
      subscription.guard(b(VIP4));
      open.guard(b(VIP4));
      subscription.close();
      deleteExternally(b(VIP4));
      await().until(() -> other.events().contains(removed(b(VIP4))));
      assertThat(listener.events()).isEmpty();
    } finally {
      open.close();
    }
  }

  @Test
  void givenVipMissing_whenGuarded_thenVipRemovedReportedAtOnce() {
    subscription.guard(b(VIP4));
    await().until(() -> listener.events().contains(removed(b(VIP4))));
  }

  @Test
  void givenSomeMissing_whenGuardedTogether_thenMissingOnesReportedAtOnceAndPresentOnesWatched() {
    addAddress(b(VIP4));
    subscription.guardAll(java.util.List.of(b(VIP4), b(OTHER4)));
    await().until(() -> listener.events().contains(removed(b(OTHER4))));
    assertThat(subscription.guarded()).containsExactlyInAnyOrder(b(VIP4), b(OTHER4));
    assertThat(listener.events()).doesNotContain(removed(b(VIP4)));
    deleteExternally(b(VIP4));
    await().until(() -> listener.events().contains(removed(b(VIP4))));
    assertThat(listener.events()).containsOnlyOnce(removed(b(OTHER4)));
  }

  @Test
  void givenGuardedTwice_whenDeleted_thenReportedOnce() {
    addAddress(b(VIP4));
    addAddress(b(OTHER4));
    subscription.guard(b(VIP4));
    subscription.guard(b(VIP4));
    subscription.guard(b(OTHER4));
    deleteExternally(b(VIP4));
    deleteExternally(b(OTHER4));
    await().until(() -> listener.events().contains(removed(b(OTHER4))));
    assertThat(listener.events()).containsOnlyOnce(removed(b(VIP4)));
  }

  @Test
  void givenGuardedIpv6Vip_whenDadFails_thenDadFailedReported() {
    addAddress(b(VIP6));
    subscription.guard(b(VIP6));
    failDad(b(VIP6));
    await().atMost(within().plusSeconds(5)).until(() -> listener.events().contains(dadFailed(b(VIP6))));
  }

  @Test
  void givenGuardedInterface_whenCarrierLostAndBack_thenDownThenUp() {
    addAddress(b(VIP4));
    subscription.guard(b(VIP4));
    try {
      takeLinkDown(existingInterface());
      await().until(() -> listener.events().contains(down(existingInterface())));
    } finally {
      bringLinkUp(existingInterface());
    }
    await().until(() -> listener.events().contains(up(existingInterface())));
    assertThat(listener.events().indexOf(down(existingInterface())))
        .isLessThan(listener.events().indexOf(up(existingInterface())));
  }

  @Test
  void givenNothingGuarded_whenCarrierLost_thenNotReported() {
    RecordingLinkWatchListener other = new RecordingLinkWatchListener();
    LinkWatchPort.Subscription barrier = port.watch(other);
    try {
      addAddress(b(VIP4));
      barrier.guard(b(VIP4));
      try {
        takeLinkDown(existingInterface());
        await().until(() -> other.events().contains(down(existingInterface())));
      } finally {
        bringLinkUp(existingInterface());
      }
      await().until(() -> other.events().contains(up(existingInterface())));
      assertThat(listener.events()).isEmpty();
    } finally {
      barrier.close();
    }
  }
}
