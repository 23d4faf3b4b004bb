// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.down;
import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.removed;
import static io.kubevip.testkit.fakes.RecordingLinkWatchListener.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import io.kubevip.ports.service.VipGuard;
import io.kubevip.testkit.contract.LinkWatchPortContract;
import io.kubevip.testkit.fakes.RecordingLinkWatchListener;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.NetlinkEvents;
import io.kubevip.linux.model.NetlinkEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The link watch contract in n1, changes made by {@code ip} (someone else); n2 is the other host for DAD. Then
 * {@link VipGuard} end to end: a deleted VIP comes back, a dadfailed one comes back without DAD.
 */
@NetnsTopology(nodes = 2, client = false)
class LinuxLinkWatchPrivilegedIT extends LinkWatchPortContract<LinuxLinkWatch> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private final Topology t;

  LinuxLinkWatchPrivilegedIT(Topology t) {
    this.t = t;
  }

  @Override
  protected LinuxLinkWatch createPort() {
    t.ip(Topology.LAN, "link", "set", "v-n1", "up");
    t.exec("n1", "sysctl", "-qw", "net.ipv6.conf.eth0.accept_dad=0").requireSuccess();
    for (VipAddress vip : List.of(VIP4, OTHER4, VIP6)) {
      Ip.deleteQuietly(t, "n1", "eth0", vip.toString());
      Ip.deleteQuietly(t, "n2", "eth0", vip.toString());
    }
    return LinuxLinkWatch.openIn(t.namespace("n1"));
  }

  @AfterEach
  void closePort() {
    port.close();
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected void addAddress(VipBinding b) {
    if (b.vip().address() instanceof java.net.Inet6Address) {
      t.ip("n1", "addr", "add", b.vip().toString(), "dev", "eth0", "nodad");
    } else {
      t.ip("n1", "addr", "add", b.vip().toString(), "dev", "eth0");
    }
  }

  @Override
  protected void deleteExternally(VipBinding b) {
    t.ip("n1", "addr", "del", b.vip().toString(), "dev", "eth0");
  }

  @Override
  protected void failDad(VipBinding b) {
    t.ip("n2", "addr", "add", b.vip().toString(), "dev", "eth0", "nodad");
    t.exec("n1", "sysctl", "-qw", "net.ipv6.conf.eth0.accept_dad=1").requireSuccess();
    t.ip("n1", "addr", "del", b.vip().toString(), "dev", "eth0");
    t.ip("n1", "addr", "add", b.vip().toString(), "dev", "eth0");
  }

  @Override
  protected void takeLinkDown(InterfaceName iface) {
    t.ip(Topology.LAN, "link", "set", "v-n1", "down");
  }

  @Override
  protected void bringLinkUp(InterfaceName iface) {
    t.ip(Topology.LAN, "link", "set", "v-n1", "up");
  }

  @Test
  void givenGuardedVip_whenIpDeletesIt_thenReportedWithin100msOnTheWatcherThread() {
    VipBinding b = VipBinding.of(VIP4, ETH0);
    addAddress(b);
    RecordingLinkWatchListener l = new RecordingLinkWatchListener();
    try (LinkWatchPort.Subscription s = port.watch(l)) {
      s.guard(b);
      deleteExternally(b);
      await().atMost(Duration.ofMillis(100)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
          .until(() -> l.events().contains(removed(b)));
      assertThat(l.threads()).containsOnly(LinuxLinkWatch.THREAD);
    }
  }

  @Test
  void givenVipGuard_whenIpDeletesHeldVip_thenItIsBackAtOnce() {
    VipBinding b = VipBinding.of(VIP4, ETH0);
    List<Duration> restored = new CopyOnWriteArrayList<>();
    try (LinuxVipAddresses addresses = LinuxVipAddresses.openIn(t.namespace("n1"), true);
        VipGuard guard = new VipGuard(addresses, port, new VipGuard.Events() {
          @Override
          public void restored(VipBinding binding, Duration took) {
            restored.add(took);
          }
        })) {
      guard.hold(b);
      long start = System.nanoTime();
      deleteExternally(b);
      long deleted = System.nanoTime();
      await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
          .until(() -> Ip.has(t, "n1", "eth0", VIP4.toString()));
      System.out.printf("VIP %s back after ip addr del: %d ms after ip started, %d ms after it returned;"
          + " re-add took %s%n", VIP4, (System.nanoTime() - start) / 1_000_000,
          (System.nanoTime() - deleted) / 1_000_000, restored);
      assertThat(restored).hasSize(1);
      assertThat(addresses.listOurs(ETH0)).contains(VIP4);
    }
  }

  @Test
  void givenVipGuardWithDad_whenHeldIpv6VipFailsDad_thenAddedAgainWithoutDad() {
    VipBinding b = VipBinding.of(VIP6, ETH0);
    t.ip("n2", "addr", "add", VIP6.toString(), "dev", "eth0", "nodad");
    t.exec("n1", "sysctl", "-qw", "net.ipv6.conf.eth0.accept_dad=1").requireSuccess();
    List<VipBinding> recovered = new CopyOnWriteArrayList<>();
    try (LinuxVipAddresses withDad = LinuxVipAddresses.openIn(t.namespace("n1"), false);
        VipGuard guard = new VipGuard(withDad, port, new VipGuard.Events() {
          @Override
          public void dadRecovered(VipBinding binding) {
            recovered.add(binding);
          }
        })) {
      guard.hold(b);
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> !recovered.isEmpty());
      Map<String, Object> a = Ip.address(t, "n1", "eth0", VIP6.toString()).orElseThrow();
      assertThat(a.get("nodad")).isEqualTo(Boolean.TRUE);
      assertThat(a).doesNotContainKey("dadfailed");
    }
  }

  @Test
  void givenEventsLost_whenVipDeletedAndCarrierLostMeanwhile_thenResyncReportsBoth() {
    NetNamespace n1 = t.namespace("n1");
    AtomicReference<Consumer<NetlinkEvent>> inject = new AtomicReference<>();
    // subscribed to routes only: address and link changes reach it solely through the re-read after EventsLost
    try (LinuxLinkWatch deaf = new LinuxLinkWatch(n1.call(Netlink::open), listener -> {
      inject.set(listener);
      return n1.call(() -> NetlinkEvents.subscribe(EnumSet.of(NetlinkEvents.Group.IPV4_ROUTE), e -> { }));
    })) {
      VipBinding b = VipBinding.of(VIP4, ETH0);
      addAddress(b);
      RecordingLinkWatchListener l = new RecordingLinkWatchListener();
      LinkWatchPort.Subscription s = deaf.watch(l);
      s.guard(b);
      deleteExternally(b);
      try {
        takeLinkDown(ETH0);
        await().atMost(Duration.ofSeconds(1)).until(() -> !linkUpNow());
        inject.get().accept(new NetlinkEvent.EventsLost(System.nanoTime()));
        await().atMost(Duration.ofSeconds(1)).until(() -> l.events().containsAll(List.of(removed(b), down(ETH0))));
      } finally {
        bringLinkUp(ETH0);
      }
      await().atMost(Duration.ofSeconds(1)).until(this::linkUpNow);
      inject.get().accept(new NetlinkEvent.EventsLost(System.nanoTime()));
      await().atMost(Duration.ofSeconds(1)).until(() -> l.events().contains(up(ETH0)));
      assertThat(l.events()).containsOnlyOnce(removed(b));
    }
  }

  private boolean linkUpNow() {
    return !String.valueOf(t.ipJson("n1", "link", "show", "dev", "eth0").get(0).get("flags")).contains("NO-CARRIER");
  }
}
