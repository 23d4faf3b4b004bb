// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.linux.NetlinkEvents;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.NetlinkEvent;
import io.kubevip.linux.model.NetlinkEvent.AddrChanged;
import io.kubevip.linux.model.NetlinkEvent.LinkChanged;
import io.kubevip.linux.model.NetlinkEvent.RouteChanged;
import io.kubevip.linux.model.Route;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** The event stream sees changes made by someone else ({@code ip}) at once. */
@NetnsTopology(nodes = 1, client = false)
class NetlinkEventsPrivilegedIT {
  private static final Duration WITHIN = Duration.ofMillis(100);

  private static NetlinkEvents subscribe(Topology t, BlockingQueue<NetlinkEvent> q) {
    return t.namespace("n1").call(() -> NetlinkEvents.subscribe(EnumSet.allOf(NetlinkEvents.Group.class), q::add));
  }

  @Test
  void givenSubscription_whenIpDeletesAddress_thenRemovalSeenWithin100ms(Topology t) {
    t.ip("n1", "addr", "add", "10.99.0.80/32", "dev", "eth0");
    t.ip("n1", "addr", "add", "fd99::80/128", "dev", "eth0", "nodad");
    BlockingQueue<NetlinkEvent> q = new LinkedBlockingQueue<>();
    try (NetlinkEvents ignored = subscribe(t, q)) {
      t.ip("n1", "addr", "del", "10.99.0.80/32", "dev", "eth0");
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(WITHIN).until(() ->
          q.stream().anyMatch(e -> e instanceof AddrChanged a && a.removed() && a.addr().cidr().equals("10.99.0.80/32")));
      t.ip("n1", "addr", "del", "fd99::80/128", "dev", "eth0");
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(WITHIN).until(() ->
          q.stream().anyMatch(e -> e instanceof AddrChanged a && a.removed() && a.addr().cidr().equals("fd99::80/128")));
    }
  }

  @Test
  void givenSubscription_whenPeerGoesDown_thenCarrierLossSeenWithin100ms(Topology t) {
    BlockingQueue<NetlinkEvent> q = new LinkedBlockingQueue<>();
    try (NetlinkEvents ignored = subscribe(t, q)) {
      t.ip(Topology.LAN, "link", "set", "v-n1", "down");
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(WITHIN).until(() ->
          q.stream().anyMatch(e -> e instanceof LinkChanged l && l.link().name().equals("eth0") && !l.link().carrier()));
    } finally {
      t.ip(Topology.LAN, "link", "set", "v-n1", "up");
    }
  }

  @Test
  void givenSubscription_whenRouteAdded_thenRouteEventInTable(Topology t) {
    BlockingQueue<NetlinkEvent> q = new LinkedBlockingQueue<>();
    try (NetlinkEvents ignored = subscribe(t, q)) {
      t.ip("n1", "route", "add", "10.99.9.0/24", "dev", "eth0", "table", "198", "proto", "248");
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(WITHIN).until(() ->
          q.stream().anyMatch(e -> e instanceof RouteChanged r && !r.removed() && r.route().table() == 198
              && r.route().protocol() == 248 && r.route().cidr().equals("10.99.9.0/24")));
    }
    t.namespace("n1").run(() -> {
      try (Netlink nl = Netlink.open()) {
        assertThat(nl.deleteRoutes(198, 248)).isEqualTo(1);
      }
    });
    assertThat(Kernel.routes(t, "n1", "table", "198")).isEmpty();
  }
}
