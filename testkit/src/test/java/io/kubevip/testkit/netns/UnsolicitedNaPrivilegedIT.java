// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.linux.NdpSender;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.Sysctls;
import io.kubevip.linux.model.Addr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** IPv6 counterpart of the GARP test: an unsolicited NA (nodad address) moves the client's entry. */
@NetnsTopology(nodes = 2, client = true)
class UnsolicitedNaPrivilegedIT {

  @Test
  void givenClientCachedVipOnN1_whenN2SendsUnsolicitedNa_thenClientNeighbourMovesToN2(Topology t)
      throws Exception {
    String vip = "fd99::50";
    t.ip("n1", "addr", "add", vip + "/128", "dev", "eth0", "nodad");
    t.exec("client", "ping", "-6", "-c", "1", "-w", "3", vip).requireSuccess();
    assertThat(Kernel.neighbourMac(t, "client", vip)).isEqualTo(t.mac("n1"));

    t.ip("n1", "addr", "del", vip + "/128", "dev", "eth0");
    Inet6Address address = (Inet6Address) InetAddress.getByName(vip);
    t.namespace("n2").run(() -> {
      try (Netlink nl = Netlink.open(); NdpSender ndp = NdpSender.open("eth0")) {
        nl.addAddress("eth0", Addr.parse(vip + "/128").withNoDad());
        ndp.announce(address, 2, Duration.ofMillis(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    String n2 = t.mac("n2");
    await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
        .until(() -> n2.equals(Kernel.neighbourMac(t, "client", vip)));
  }

  @Test
  void givenAddressOwnedByN1_whenN2AddsItWithDad_thenReportedDadFailed(Topology t) {
    String taken = t.ipv6("n1") + "/128";
    t.namespace("n2").run(() -> {
      new Sysctls().set("eth0", Sysctls.Key.ACCEPT_DAD, 1);
      try (Netlink nl = Netlink.open()) {
        nl.addAddress("eth0", Addr.parse(taken));
      }
    });
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
        t.namespace("n2").call(() -> {
          try (Netlink nl = Netlink.open()) {
            return nl.addresses("eth0").stream().anyMatch(a -> a.cidr().equals(taken) && a.isDadFailed());
          }
        }));
    assertThat(t.exec("n2", "ip", "-6", "addr", "show", "dev", "eth0").stdout()).contains("dadfailed");
  }

  @Test
  void givenVipOnN1_whenN2SendsNeighborSolicitation_thenN1LearnsN2FromSourceLinkAddress(Topology t)
      throws Exception {
    t.ip("n1", "addr", "add", "fd99::55/128", "dev", "eth0", "nodad");
    Inet6Address target = (Inet6Address) InetAddress.getByName("fd99::55");
    t.namespace("n2").run(() -> {
      try (NdpSender ndp = NdpSender.open("eth0")) {
        ndp.sendNeighborSolicitation(target);
      }
    });
    String n2 = t.mac("n2");
    await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
        .until(() -> t.ipJson("n1", "-6", "neigh", "show", "dev", "eth0").stream()
            .anyMatch(n -> n2.equals(n.get("lladdr"))));
  }
}
