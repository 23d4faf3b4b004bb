// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.linux.ArpReceiver;
import io.kubevip.linux.ArpSender;
import io.kubevip.linux.ArpSender.GarpForm;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.wire.arp.ArpPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A VIP moves from n1 to n2; our GARP from n2 must move the client's neighbour entry (a GARP only
 * updates an existing entry, so the client pings the VIP on n1 first; forwarding is off on nodes).
 * The time from send until {@code ip monitor neigh} on the client reports the change is logged.
 */
@NetnsTopology(nodes = 2, client = true)
class GratuitousArpPrivilegedIT {

  @ParameterizedTest
  @EnumSource(GarpForm.class)
  void givenClientCachedVipOnN1_whenN2SendsGarp_thenClientNeighbourMovesToN2(GarpForm form, Topology t)
      throws Exception {
    String vip = "10.99.0." + (50 + form.ordinal());
    t.ip("n1", "addr", "add", vip + "/32", "dev", "eth0");
    t.exec("client", "ping", "-c", "1", "-w", "3", vip).requireSuccess();
    assertThat(Kernel.neighbourMac(t, "client", vip)).isEqualTo(t.mac("n1"));

    t.ip("n1", "addr", "del", vip + "/32", "dev", "eth0");
    Inet4Address address = (Inet4Address) InetAddress.getByName(vip);
    String n2 = t.mac("n2");
    try (NeighbourMonitor monitor = NeighbourMonitor.start(t, "client")) {
      long sent = t.namespace("n2").call(() -> {
        try (Netlink nl = Netlink.open(); ArpSender arp = ArpSender.open("eth0")) {
          nl.addAddress("eth0", Addr.parse(vip + "/32"));
          long before = System.nanoTime();
          arp.send(address, form);
          return before;
        }
      });
      NeighbourMonitor.Line moved =
          monitor.poll(l -> l.startsWith(vip + " ") && l.contains("lladdr " + n2), Duration.ofSeconds(5));
      assertThat(moved).as("client neighbour entry for %s moved to n2 (%s)", vip, n2).isNotNull();
      // a figure for the log, not an assertion: timing depends on the machine's load
      System.out.printf("GARP %s: send -> client neighbour entry changed (ip monitor neigh) %.3f ms: %s%n",
          form, (moved.nanos() - sent) / 1e6, moved.text());
    }
    assertThat(Kernel.neighbourMac(t, "client", vip)).isEqualTo(n2);
  }

  @Test
  void givenReceiverOnN1_whenN2AnnouncesVip_thenForeignMacSeen(Topology t) throws Exception {
    Inet4Address vip = (Inet4Address) InetAddress.getByName("10.99.0.55");
    try (ArpReceiver receiver = t.namespace("n1").call(() -> ArpReceiver.open("eth0"))) {
      GarpForm sent = t.namespace("n2").call(() -> {
        try (ArpSender arp = ArpSender.open("eth0")) {
          return arp.announce(vip);
        }
      });
      assertThat(sent).isEqualTo(GarpForm.REQUEST);
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      Optional<ArpReceiver.Received> match = Optional.empty();
      while (match.isEmpty() && System.nanoTime() < deadline) {
        match = receiver.receive(Duration.ofMillis(200))
            .filter(r -> r.packet().senderIp().equals(vip));
      }
      assertThat(match).isPresent();
      assertThat(match.get().frameSource().toString()).isEqualTo(t.mac("n2"));
      assertThat(match.get().packet().operation()).isEqualTo(ArpPacket.OP_REQUEST);
      assertThat(match.get().packet().isGratuitous()).isTrue();
    }
  }
}
