// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.arp.LinuxL2Announcer.ArpForm;
import io.kubevip.adapter.arp.LinuxL2Announcer.Settings;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.contract.L2AnnouncePortContract;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The announce contract from n1, observed by a capture in the client namespace; then failover: the client's
 * neighbour entry for a VIP moves from n1 to n2 when n2 announces (checked with {@code ip -j neigh}).
 */
@NetnsTopology(nodes = 2, client = true)
class LinuxL2AnnouncerPrivilegedIT extends L2AnnouncePortContract<LinuxL2Announcer> {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private final Topology t;
  private FrameCapture capture;

  LinuxL2AnnouncerPrivilegedIT(Topology t) {
    this.t = t;
  }

  @Override
  protected LinuxL2Announcer createPort() {
    capture = new FrameCapture(t, "client");
    return LinuxL2Announcer.openIn(t.namespace("n1"), Settings.DEFAULTS, MetricsPort.NOOP);
  }

  @Override
  protected InterfaceName existingInterface() {
    return ETH0;
  }

  @Override
  protected long observedBursts(LinuxL2Announcer port, VipAddress vip, InterfaceName iface) {
    long frames = capture.seen(vip.address()).size();
    int perBurst = vip.address() instanceof java.net.Inet6Address ? port.settings().naCount() : 1;
    return (frames + perBurst - 1) / perBurst;
  }

  @AfterEach
  void closePortAndCapture() {
    port.close();
    capture.close();
  }

  @Test
  void givenAlternatingForm_whenAnnouncedTwice_thenRequestThenReplyFromOwnMac() {
    port.announce(VIP4, ETH0);
    port.announce(VIP4, ETH0);
    await().until(() -> capture.seen(VIP4.address()).size() >= 2);
    assertThat(capture.seen(VIP4.address())).extracting(FrameCapture.Seen::kind).containsExactly("request", "reply");
    assertThat(capture.seen(VIP4.address())).extracting(FrameCapture.Seen::sourceMac).containsOnly(t.mac("n1"));
  }

  @Test
  void givenFixedReplyForm_whenAnnouncedTwice_thenTwoReplies() {
    try (LinuxL2Announcer replies = LinuxL2Announcer.openIn(t.namespace("n1"),
        new Settings(ArpForm.REPLY, 1, Duration.ZERO), MetricsPort.NOOP)) {
      replies.announce(VIP4, ETH0);
      replies.announce(VIP4, ETH0);
      await().until(() -> capture.seen(VIP4.address()).size() >= 2);
    }
    assertThat(capture.seen(VIP4.address())).extracting(FrameCapture.Seen::kind).containsOnly("reply");
  }

  @Test
  void givenIpv6Vip_whenAnnouncedOnce_thenBurstOfThreeNasArrivesAndIsCounted() {
    port.announce(VIP6, ETH0);
    await().atMost(Duration.ofSeconds(2)).until(() -> capture.seen(VIP6.address()).size() >= 3);
    assertThat(port.framesSent(VIP6, ETH0)).isEqualTo(3);
    assertThat(capture.seen(VIP6.address())).extracting(FrameCapture.Seen::sourceMac).containsOnly(t.mac("n1"));
  }

  @Test
  void givenLoopback_whenAnnouncing_thenPortExceptionSaysNotEthernet() {
    assertThatThrownBy(() -> port.announce(VIP4, InterfaceName.of("lo")))
        .isInstanceOf(PortException.class).hasMessageContaining("lo is not Ethernet");
  }

  @Test
  void givenClientCachedIpv4VipOnN1_whenN2TakesItAndAnnounces_thenClientNeighbourMovesToN2() {
    moveAndAnnounce("10.99.0.50", "10.99.0.50/32");
  }

  @Test
  void givenClientCachedIpv6VipOnN1_whenN2TakesItAndAnnounces_thenClientNeighbourMovesToN2() {
    moveAndAnnounce("fd99::50", "fd99::50/128");
  }

  private void moveAndAnnounce(String ip, String cidr) {
    VipAddress vip = VipAddress.parse(cidr);
    try (LinuxVipAddresses n1 = LinuxVipAddresses.openIn(t.namespace("n1"), true);
        LinuxVipAddresses n2 = LinuxVipAddresses.openIn(t.namespace("n2"), true);
        LinuxL2Announcer n2Announcer = LinuxL2Announcer.openIn(t.namespace("n2"), Settings.DEFAULTS,
            MetricsPort.NOOP)) {
      n1.add(vip, ETH0);
      t.exec("client", "ping", "-c", "1", "-w", "3", ip).requireSuccess();
      assertThat(Ip.neighbourMac(t, "client", ip)).isEqualTo(t.mac("n1"));

      n1.remove(vip, ETH0);
      n2.add(vip, ETH0);
      long start = System.nanoTime();
      n2Announcer.announce(vip, ETH0);
      String n2Mac = t.mac("n2");
      await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
          .until(() -> n2Mac.equals(Ip.neighbourMac(t, "client", ip)));
      System.out.printf("client neighbour for %s moved to n2 %d ms after announce%n", ip,
          (System.nanoTime() - start) / 1_000_000);
      n2.remove(vip, ETH0);
    }
  }
}
