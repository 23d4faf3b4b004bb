// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import io.kubevip.testkit.fakes.FakeLinkWatchPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A node announcing thousands of Service VIPs watches them through one subscription, guarded in batches: one
 * subscription per VIP, each guard reading every address, made the watch O(N²) at N = 10,000.
 */
class AnnouncedVipWatchTest {
  static final InterfaceName ETH0 = InterfaceName.of("eth0");

  @Test
  void givenManyVips_whenFollowed_thenOneSubscriptionGuardsThemInOneBatch() {
    CountingPort port = new CountingPort();
    List<VipBinding> removed = new ArrayList<>();
    try (AnnouncedVipWatch watch = new AnnouncedVipWatch(InterfaceMonitor.over(port), removed::add)) {
      Set<VipBinding> first = bindings(0, 500);
      watch.follow(first);
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.watched().equals(first));
      Set<VipBinding> second = new HashSet<>(bindings(250, 600));
      watch.follow(second);
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.watched().equals(second));

      assertThat(port.subscriptions).hasValue(1);
      assertThat(port.batches).containsExactly(500, 100);
      assertThat(port.unguarded).hasValue(250);
    }
  }

  @Test
  void givenFollowedVip_whenDeletedBehindOurBack_thenReportedAndOthersNot() {
    FakeLinkWatchPort port = new FakeLinkWatchPort();
    ConcurrentLinkedQueue<VipBinding> removed = new ConcurrentLinkedQueue<>();
    try (AnnouncedVipWatch watch = new AnnouncedVipWatch(InterfaceMonitor.over(port), removed::add)) {
      Set<VipBinding> announced = bindings(0, 3);
      watch.follow(announced);
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.watched().equals(announced));
      VipBinding gone = bindings(1, 2).iterator().next();
      port.deleteExternally(gone);
      await().atMost(Duration.ofSeconds(10)).until(() -> removed.contains(gone));
      watch.follow(Set.of());
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.watched().isEmpty());
      port.deleteExternally(bindings(0, 1).iterator().next());
      assertThat(removed).containsExactly(gone);
    }
  }

  private static Set<VipBinding> bindings(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> new VipBinding(
        VipAddress.parse("10.99." + (64 + i / 250) + "." + (i % 250 + 1) + "/32"), ETH0)).collect(Collectors.toSet());
  }

  /** Counts subscriptions, guard batches and unguards; every guarded VIP is on the interface. */
  private static final class CountingPort implements LinkWatchPort {
    final AtomicInteger subscriptions = new AtomicInteger();
    final AtomicInteger unguarded = new AtomicInteger();
    final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Subscription watch(Listener listener) {
      subscriptions.incrementAndGet();
      Set<VipBinding> guarded = java.util.concurrent.ConcurrentHashMap.newKeySet();
      return new Subscription() {
        @Override
        public void guard(VipBinding binding) {
          guardAll(List.of(binding));
        }

        @Override
        public void guardAll(Collection<VipBinding> bindings) {
          batches.add(bindings.size());
          guarded.addAll(bindings);
        }

        @Override
        public void unguard(VipBinding binding) {
          if (guarded.remove(binding)) {
            unguarded.incrementAndGet();
          }
        }

        @Override
        public Set<VipBinding> guarded() {
          return Set.copyOf(guarded);
        }

        @Override
        public void close() {
          guarded.clear();
        }
      };
    }
  }
}
