// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.Capability;
import io.kubevip.adapter.bgp.wire.Capability.GracefulRestart.Family;
import io.kubevip.adapter.bgp.wire.Open;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.Update;
import io.kubevip.domain.address.VipAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 4724 as the speaker offers it: capability contents, the R bit, End-of-RIB, and a crash-like abort. */
class GracefulRestartTest {
  private TestPeer peer;
  private BgpSpeaker speaker;

  @BeforeEach
  void peer() throws Exception {
    peer = new TestPeer();
  }

  @AfterEach
  void stop() throws Exception {
    if (speaker != null) {
      speaker.close();
    }
    peer.close();
  }

  private BgpSpeaker speaker(Duration restartTime, boolean ipv6) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.11"))
        .withConnectRetry(Duration.ofMillis(100), Duration.ofMillis(400)).withGracefulRestart(restartTime);
    speaker = new BgpSpeaker(cfg, List.of(BgpPeerConfig.builder(TestPeer.ip("127.0.0.1"), TestPeer.AS)
        .port(peer.port()).holdTime(Duration.ofSeconds(9)).families(true, ipv6).build()));
    return speaker;
  }

  private static Capability.GracefulRestart gr(Open open) {
    return open.capabilities().stream().filter(Capability.GracefulRestart.class::isInstance)
        .map(Capability.GracefulRestart.class::cast).findFirst().orElseThrow();
  }

  @Test
  void givenGracefulRestartOff_whenOpenSent_thenRestartTimeZeroAndNoFamilies() throws Exception {
    speaker(null, true).start();
    assertThat(gr(peer.establish(9))).isEqualTo(new Capability.GracefulRestart(false, 0, List.of()));
  }

  @Test
  void givenGracefulRestartOn_whenFirstAndSecondSession_thenRestartTimeFamiliesWithFBitAndRBitOnlyFirst()
      throws Exception {
    speaker(Duration.ofSeconds(20), true).start();
    assertThat(gr(peer.establish(9))).isEqualTo(new Capability.GracefulRestart(true, 20, List.of(
        new Family(AfiSafi.IPV4_UNICAST, true), new Family(AfiSafi.IPV6_UNICAST, true))));

    peer.accept(); // drops the first connection; the speaker dials again
    Open second = (Open) peer.read();
    assertThat(gr(second).restarting()).as("R bit after the first session").isFalse();
    assertThat(gr(second).restartTime()).isEqualTo(20);
  }

  @Test
  void givenIpv4Only_whenOpenSent_thenOnlyIpv4InTheCapability() throws Exception {
    speaker(Duration.ofSeconds(5), false).start();
    assertThat(gr(peer.establish(9)).families()).containsExactly(new Family(AfiSafi.IPV4_UNICAST, true));
  }

  @Test
  void givenRoutes_whenAborted_thenNoWithdrawAndNoNotificationBeforeTheConnectionCloses() throws Exception {
    speaker(Duration.ofSeconds(20), false);
    speaker.advertise(Set.of(VipAddress.parse("10.99.100.1")));
    speaker.start();
    peer.establish(9);
    assertThat(((Update) peer.readSkippingKeepalives()).nlri()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(((Update) peer.readSkippingKeepalives()).endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST);

    speaker.abort();
    BgpMessage m = peer.readSkippingKeepalives();
    assertThat(m).as("the connection just closes").isNull();
  }

  @Test
  void givenRestartTimeOutOfRange_whenConfigured_thenRejectedNamingTheRange() {
    BgpSpeakerConfig base = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.11"));
    assertThatThrownBy(() -> base.withGracefulRestart(Duration.ofSeconds(4096)))
        .hasMessageContaining("1..4095 whole seconds");
    assertThatThrownBy(() -> base.withGracefulRestart(Duration.ofMillis(1500)))
        .hasMessageContaining("1..4095 whole seconds");
  }
}
