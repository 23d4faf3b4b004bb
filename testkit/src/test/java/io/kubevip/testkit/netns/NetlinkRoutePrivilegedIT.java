// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.Netlink;
import io.kubevip.linux.Netlink.Change;
import io.kubevip.linux.model.Route;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Routes in table 198 with protocol 248, checked with {@code ip -j route show table 198}. */
@NetnsTopology(nodes = 1, client = false)
class NetlinkRoutePrivilegedIT {
  private static final int TABLE = 198;
  private static final int PROTO = 248;

  @Test
  void givenTable198_whenAddingAndDeletingV4AndV6Routes_thenIpSeesThem(Topology t) {
    t.namespace("n1").run(() -> {
      try (Netlink nl = Netlink.open()) {
        int eth0 = nl.link("eth0").index();
        Route v4 = Route.to("10.99.1.0/24").inTable(TABLE).withProtocol(PROTO).withOutputLink(eth0)
            .withScope(Route.RT_SCOPE_LINK);
        Route v6 = Route.to("fd99:1::/64").inTable(TABLE).withProtocol(PROTO).withOutputLink(eth0);
        Route gw = Route.to("10.99.2.0/24").inTable(TABLE).withProtocol(PROTO)
            .via(InetAddress.getByName("10.99.0.1"));
        assertThat(nl.addRoute(v4)).isEqualTo(Change.ADDED);
        assertThat(nl.addRoute(v6)).isEqualTo(Change.ADDED);
        assertThat(nl.addRoute(gw)).isEqualTo(Change.ADDED);
        assertThat(nl.addRoute(v4)).isEqualTo(Change.UNCHANGED);
        assertThat(nl.routes(TABLE)).hasSize(3);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(Kernel.routes(t, "n1", "table", "198"))
        .containsExactlyInAnyOrder("10.99.1.0/24 proto 248", "10.99.2.0/24 proto 248", "fd99:1::/64 proto 248");

    t.namespace("n1").run(() -> {
      try (Netlink nl = Netlink.open()) {
        Route v4 = Route.to("10.99.1.0/24").inTable(TABLE).withProtocol(PROTO);
        assertThat(nl.deleteRoute(v4.withProtocol(Route.RTPROT_BOOT))).isEqualTo(Change.UNCHANGED);
        assertThat(nl.deleteRoute(v4)).isEqualTo(Change.REMOVED);
        assertThat(nl.deleteRoute(v4)).isEqualTo(Change.UNCHANGED);
      }
    });
    assertThat(Kernel.routes(t, "n1", "table", "198"))
        .containsExactlyInAnyOrder("10.99.2.0/24 proto 248", "fd99:1::/64 proto 248");
  }

  @Test
  void givenRoutesOfTwoProtocols_whenDeletingOurPair_thenOnlyOursGo(Topology t) {
    t.ip("n1", "route", "add", "10.99.3.0/24", "dev", "eth0", "table", "1000", "proto", "static");
    t.ip("n1", "route", "add", "local", "10.99.4.1/32", "dev", "eth0", "table", "1000", "proto", "248");
    int deleted = t.namespace("n1").call(() -> {
      try (Netlink nl = Netlink.open()) {
        nl.addRoute(Route.to("10.99.5.0/24").inTable(1000).withProtocol(PROTO)
            .withOutputLink(nl.link("eth0").index()));
        nl.addRoute(Route.to("fd99:5::/64").inTable(1000).withProtocol(PROTO)
            .withType(Route.RTN_LOCAL).withOutputLink(nl.link("eth0").index()));
        return nl.deleteRoutes(1000, PROTO);
      }
    });
    assertThat(deleted).isEqualTo(3);
    assertThat(Kernel.routes(t, "n1", "table", "1000")).containsExactly("10.99.3.0/24 proto static");
  }
}
