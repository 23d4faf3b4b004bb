// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.bgp.wire.AfiSafi;
import io.kubevip.adapter.bgp.wire.BgpMessage;
import io.kubevip.adapter.bgp.wire.Capability;
import io.kubevip.adapter.bgp.wire.ErrorCodes;
import io.kubevip.adapter.bgp.wire.Keepalive;
import io.kubevip.adapter.bgp.wire.Notification;
import io.kubevip.adapter.bgp.wire.Open;
import io.kubevip.adapter.bgp.wire.PathAttribute;
import io.kubevip.adapter.bgp.wire.Prefix;
import io.kubevip.adapter.bgp.wire.Update;
import io.kubevip.domain.address.VipAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The speaker against a raw test peer on loopback: session set-up, UPDATE contents, timers, shutdown. */
class BgpSpeakerTest {
  private static final VipAddress VIP = VipAddress.parse("10.99.100.1");
  private static final VipAddress VIP6 = VipAddress.parse("fd99:100::1");
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

  private BgpSpeaker speaker(long localAs, BgpPeerConfig.Builder b) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(localAs, (Inet4Address) TestPeer.ip("10.99.0.11"))
        .withConnectRetry(Duration.ofMillis(100), Duration.ofMillis(400)).withShutdownMessage("node drained");
    speaker = new BgpSpeaker(cfg, List.of(b.build()));
    return speaker;
  }

  private BgpPeerConfig.Builder peerConfig() {
    return BgpPeerConfig.builder(TestPeer.ip("127.0.0.1"), TestPeer.AS).port(peer.port())
        .holdTime(Duration.ofSeconds(9)).nextHopIpv6((Inet6Address) TestPeer.ip("fd99::11"));
  }

  @Test
  void givenAdvertisedVip_whenSessionComesUp_thenOpenCapabilitiesTableAndEndOfRib() throws Exception {
    speaker(4200000001L, peerConfig().communities("65000:100").largeCommunities("4200000001:1:2"));
    speaker.advertise(Set.of(VIP, VIP6));
    speaker.start();

    Open theirs = peer.establish(3);
    assertThat(theirs.asNumber()).isEqualTo(4200000001L);
    assertThat(theirs.myAs()).isEqualTo(23456);
    assertThat(theirs.holdTime()).isEqualTo(9);
    assertThat(theirs.capabilities()).contains(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
        new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST), new Capability.RouteRefreshSupport());

    Update v4 = (Update) peer.readSkippingKeepalives();
    assertThat(v4.nlri()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(v4.attribute(PathAttribute.Origin.class)).contains(PathAttribute.Origin.IGP);
    assertThat(v4.attribute(PathAttribute.AsPath.class)).contains(PathAttribute.AsPath.sequence(4200000001L));
    assertThat(v4.attribute(PathAttribute.NextHop.class).orElseThrow().address().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(v4.attribute(PathAttribute.Communities.class).orElseThrow().values()).containsExactly(0xFDE80064L);
    assertThat(v4.attribute(PathAttribute.LargeCommunities.class)).isPresent();
    assertThat(v4.attribute(PathAttribute.LocalPref.class)).as("no LOCAL_PREF on eBGP").isEmpty();
    Update v6 = (Update) peer.readSkippingKeepalives();
    PathAttribute.MpReach mp = v6.attribute(PathAttribute.MpReach.class).orElseThrow();
    assertThat(mp.nlri()).containsExactly(Prefix.of("fd99:100::1/128"));
    assertThat(mp.nextHops()).containsExactly(TestPeer.ip("fd99::11"));
    assertThat(((Update) peer.readSkippingKeepalives()).endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST);
    assertThat(((Update) peer.readSkippingKeepalives()).endOfRibFamily()).contains(AfiSafi.IPV6_UNICAST);

    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).state() == SessionState.ESTABLISHED);
    PeerStatus s = speaker.status().get(0);
    assertThat(s.holdTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.keepalive()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void givenIbgpSession_whenAdvertised_thenEmptyAsPathAndLocalPref() throws Exception {
    speaker(TestPeer.AS, peerConfig().localPref(250));
    speaker.start();
    peer.establish(9);
    assertThat(((Update) peer.readSkippingKeepalives()).endOfRibFamily()).isPresent();
    assertThat(((Update) peer.readSkippingKeepalives()).endOfRibFamily()).isPresent();
    speaker.advertise(Set.of(VIP));
    Update u = (Update) peer.readSkippingKeepalives();
    assertThat(u.attribute(PathAttribute.AsPath.class)).contains(PathAttribute.AsPath.EMPTY);
    assertThat(u.attribute(PathAttribute.LocalPref.class)).contains(new PathAttribute.LocalPref(250));
  }

  @Test
  void givenEstablished_whenAdvertiseAndWithdraw_thenUpdatesLeaveWithinMilliseconds() throws Exception {
    speaker(65001, peerConfig());
    speaker.start();
    peer.establish(9);
    peer.readSkippingKeepalives();
    peer.readSkippingKeepalives();

    long t0 = System.nanoTime();
    speaker.advertise(Set.of(VIP, VIP6));
    List<Prefix> announced = new java.util.ArrayList<>(((Update) peer.readSkippingKeepalives()).announced());
    announced.addAll(((Update) peer.readSkippingKeepalives()).announced());
    long announceMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(announced).containsExactlyInAnyOrder(Prefix.of("10.99.100.1/32"), Prefix.of("fd99:100::1/128"));

    t0 = System.nanoTime();
    speaker.withdraw(Set.of(VIP));
    Update w = (Update) peer.readSkippingKeepalives();
    long withdrawMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(w.allWithdrawn()).containsExactly(Prefix.of("10.99.100.1/32"));
    assertThat(announceMs).isLessThan(200);
    assertThat(withdrawMs).isLessThan(200);
    System.out.printf("advertise->UPDATE %d ms, withdraw->UPDATE %d ms%n", announceMs, withdrawMs);
  }

  @Test
  void givenHoldThree_whenPeerQuiet_thenKeepalivesEverySecondAndHoldTimerExpiredAfterThree() throws Exception {
    speaker(65001, peerConfig());
    speaker.start();
    peer.establish(3);
    long t0 = System.nanoTime();
    int keepalives = 0;
    BgpMessage m;
    while (!((m = peer.read()) instanceof Notification)) {
      if (m instanceof Keepalive) {
        keepalives++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Notification n = (Notification) m;
    assertThat(n.code()).isEqualTo(ErrorCodes.HOLD_TIMER_EXPIRED);
    assertThat(seconds).isBetween(2.5, 4.5);
    assertThat(keepalives).isBetween(2, 4);
    // and it dials again
    peer.establish(9);
  }

  @Test
  void givenEstablished_whenClosed_thenWithdrawThenCeaseAdministrativeShutdownWithMessage() throws Exception {
    speaker(65001, peerConfig());
    speaker.advertise(Set.of(VIP));
    speaker.start();
    peer.establish(9);
    assertThat(((Update) peer.readSkippingKeepalives()).announced()).isNotEmpty();
    peer.readSkippingKeepalives();
    peer.readSkippingKeepalives();

    Thread closer = new Thread(speaker::close);
    closer.start();
    Update w = (Update) peer.readSkippingKeepalives();
    assertThat(w.allWithdrawn()).containsExactly(Prefix.of("10.99.100.1/32"));
    Notification n = (Notification) peer.readSkippingKeepalives();
    assertThat(n.code()).isEqualTo(ErrorCodes.CEASE);
    assertThat(n.subcode()).isEqualTo(ErrorCodes.ADMINISTRATIVE_SHUTDOWN);
    assertThat(n.shutdownCommunication()).contains("node drained");
    closer.join(5_000);
    assertThat(peer.closedBySpeaker(Duration.ofSeconds(2))).isTrue();
    speaker = null;
  }

  @Test
  void givenSessionLost_whenPeerBack_thenTableSentAgain() throws Exception {
    speaker(65001, peerConfig());
    speaker.advertise(Set.of(VIP));
    speaker.start();
    peer.establish(9);
    assertThat(((Update) peer.readSkippingKeepalives()).announced()).containsExactly(Prefix.of("10.99.100.1/32"));
    peer.send(Notification.withCommunication(ErrorCodes.ADMINISTRATIVE_RESET, "router reboot"));
    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).lastReceived() != null);
    peer.establish(9);
    assertThat(((Update) peer.readSkippingKeepalives()).announced()).containsExactly(Prefix.of("10.99.100.1/32"));
    await().atMost(Duration.ofSeconds(2)).until(() -> speaker.status().get(0).establishedCount() == 2);
    assertThat(speaker.status().get(0).lastReceived().shutdownCommunication()).contains("router reboot");
  }

  @Test
  void givenHarnessRefusesRootNamespace_whenOpenerReturnsUnboundSocket_thenNeverDials() throws Exception {
    String key = PeerSession.REFUSE_ROOT_NAMESPACE;
    System.setProperty(key, "true");
    try {
      speaker(65001, peerConfig()).start();
      assertThat(peer.connectionWithin(Duration.ofSeconds(1))).isFalse();
      assertThat(speaker.status().get(0).establishedCount()).isZero();
    } finally {
      System.clearProperty(key);
    }
  }
}
