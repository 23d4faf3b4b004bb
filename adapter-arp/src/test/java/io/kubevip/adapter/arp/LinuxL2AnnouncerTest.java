// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.arp.LinuxL2Announcer.ArpForm;
import io.kubevip.adapter.arp.LinuxL2Announcer.Settings;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.linux.ArpSender;
import io.kubevip.linux.NdpSender;
import io.kubevip.linux.error.NoSuchLinkException;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.wire.arp.ArpPacket;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.testkit.netns.InMemoryFrameChannel;
import io.kubevip.testkit.netns.InMemoryIcmpv6Channel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Announcer logic over in-memory channels: forms, burst size, counting, caching and reopening. */
class LinuxL2AnnouncerTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress V4 = VipAddress.parse("10.0.0.5/32");
  private static final VipAddress V6 = VipAddress.parse("fd00::5/128");
  private static final HardwareAddress MAC = HardwareAddress.parse("02:00:00:00:00:01");

  private final InMemoryFrameChannel frames = new InMemoryFrameChannel();
  private final InMemoryIcmpv6Channel icmp = new InMemoryIcmpv6Channel();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger metered = new AtomicInteger();
  private final MetricsPort metrics = new MetricsPort() {
    @Override
    public void l2FramesSent(VipAddress vip, InterfaceName iface, int n) {
      metered.addAndGet(n);
    }
  };

  private LinuxL2Announcer announcer(Settings settings) {
    return new LinuxL2Announcer(settings, metrics, name -> {
      if (!name.equals("eth0")) {
        throw new NoSuchLinkException("looking up interface " + name, name, List.of("lo", "eth0"));
      }
      opened.incrementAndGet();
      return InterfaceSenders.over(name, ArpSender.over(frames, MAC, name), NdpSender.over(icmp, 2, MAC, name));
    });
  }

  private List<Integer> operations() {
    return frames.sent().stream().map(s -> ArpPacket.parse(ByteBuffer.wrap(s.payload())).operation()).toList();
  }

  @Test
  void givenDefaults_whenAnnouncedThreeTimes_thenFormsAlternateAndSocketsOpenedOnce() {
    try (LinuxL2Announcer a = announcer(Settings.DEFAULTS)) {
      a.announce(V4, ETH0);
      a.announce(V4, ETH0);
      a.announce(V4, ETH0);
      assertThat(operations()).containsExactly(ArpPacket.OP_REQUEST, ArpPacket.OP_REPLY, ArpPacket.OP_REQUEST);
      assertThat(a.framesSent(V4, ETH0)).isEqualTo(3);
      assertThat(opened).hasValue(1);
    }
  }

  @Test
  void givenFixedRequestForm_whenAnnouncedTwice_thenTwoRequests() {
    try (LinuxL2Announcer a = announcer(new Settings(ArpForm.REQUEST, 1, Duration.ZERO))) {
      a.announce(V4, ETH0);
      a.announce(V4, ETH0);
      assertThat(operations()).containsExactly(ArpPacket.OP_REQUEST, ArpPacket.OP_REQUEST);
    }
  }

  @Test
  void givenIpv6_whenAnnounced_thenFirstNaSentBeforeReturnAndRestFollow() {
    try (LinuxL2Announcer a = announcer(new Settings(ArpForm.ALTERNATE, 4, Duration.ofMillis(10)))) {
      a.announce(V6, ETH0);
      assertThat(icmp.sent()).isNotEmpty();
      await().atMost(Duration.ofSeconds(1)).until(() -> icmp.sent().size() == 4);
      assertThat(a.framesSent(V6, ETH0)).isEqualTo(4);
      assertThat(a.framesSent()).isEqualTo(4);
      assertThat(metered).hasValue(4);
    }
  }

  @Test
  void givenClosedChannel_whenAnnouncing_thenSocketsReopenedOnceAndErrorNamesVipAndInterface() {
    try (LinuxL2Announcer a = announcer(Settings.DEFAULTS)) {
      a.announce(V4, ETH0);
      frames.close(); // every send now fails, also after reopening over the same channel
      assertThatThrownBy(() -> a.announce(V4, ETH0))
          .isInstanceOf(PortException.class).hasMessageContaining("announcing 10.0.0.5/32 on eth0");
      assertThat(opened).hasValue(2);
    }
  }

  @Test
  void givenMissingInterface_whenAnnouncing_thenPortExceptionListsExisting() {
    try (LinuxL2Announcer a = announcer(Settings.DEFAULTS)) {
      assertThatThrownBy(() -> a.announce(V4, InterfaceName.of("eth9")))
          .isInstanceOf(PortException.class).hasMessageContaining("eth9").hasMessageContaining("lo, eth0");
    }
  }

  @Test
  void givenBadBurst_whenConfigured_thenErrorNamesSettingAndValue() {
    assertThatThrownBy(() -> new Settings(ArpForm.ALTERNATE, 0, Duration.ZERO))
        .hasMessage("NA burst count must be 1..10, was 0");
    assertThatThrownBy(() -> new Settings(ArpForm.ALTERNATE, 3, Duration.ofSeconds(2)))
        .hasMessage("NA burst interval must be 0..1s, was PT2S");
  }

  @Test
  void givenDhcpMarker_whenAnnouncing_thenRefusedWithoutSending() {
    try (LinuxL2Announcer a = announcer(Settings.DEFAULTS)) {
      assertThatThrownBy(() -> a.announce(VipAddress.dhcpMarker(io.kubevip.domain.address.IpFamily.IPV4), ETH0))
          .isInstanceOf(PortException.class).hasMessageContaining("DHCP marker");
      assertThat(frames.sent()).isEmpty();
    }
  }
}
