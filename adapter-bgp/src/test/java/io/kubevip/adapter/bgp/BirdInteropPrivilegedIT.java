// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.bgp.wire.ErrorCodes;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.netns.BirdRouter;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with BIRD 2.0 in namespace n1 (the router, 10.99.0.11, AS 65000; the harness names roles n1..nN, so
 * the router is n1). kube-vip nodes are n2 (AS 65001) and n3 (AS 4200000001, 4-octet). BGP hold 3 s. Routes are
 * checked in the router's kernel FIB with {@code ip -j route}, independently of BIRD and of our code.
 */
@NetnsTopology(nodes = 3, client = false)
class BirdInteropPrivilegedIT {
  private static final String ROUTER = "n1";
  private static final long AS_N2 = 65001;
  private static final long AS_N3 = 4200000001L;
  private static final String PROTOCOLS = """
      protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65001; }
      protocol bgp kvn3 from kv { neighbor 10.99.0.13 as 4200000001; }
      protocol bgp kvn2six from kv { local fd99::11 as 65000; neighbor fd99::12 as 65001; }
      """;
  private static BirdRouter bird;
  private final List<BgpSpeaker> speakers = new ArrayList<>();

  @BeforeAll
  static void startBird(Topology t, @TempDir Path dir) throws Exception {
    bird = new BirdRouter(t, ROUTER, dir).start(PROTOCOLS);
  }

  @AfterAll
  static void stopBird() throws Exception {
    if (bird != null) {
      System.out.println("---- bird.log ----\n" + bird.logText());
      bird.close();
    }
  }

  @AfterEach
  void closeSpeakers() {
    speakers.forEach(BgpSpeaker::close);
  }

  private BgpSpeaker speaker(Topology t, String role, long as, BgpPeerConfig peer) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(as, (Inet4Address) TestPeer.ip(t.ipv4(role)))
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1)).withShutdownMessage("node drained");
    BgpSpeaker s = new BgpSpeaker(cfg, List.of(peer), Namespaced.opener(t, role));
    speakers.add(s);
    return s.start();
  }

  private static BgpPeerConfig.Builder router(Topology t, String node) {
    return BgpPeerConfig.builder(TestPeer.ip(t.ipv4(ROUTER)), 65000).holdTime(Duration.ofSeconds(3))
        .nextHopIpv6((Inet6Address) TestPeer.ip(t.ipv6(node)));
  }

  private static void awaitEstablished(BgpSpeaker s) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(() -> s.status().get(0).state() == SessionState.ESTABLISHED);
  }

  private static long awaitGateways(Topology t, String dst, String... gateways) {
    long t0 = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> RouterFib.gateways(t, ROUTER, dst), g -> g.size() == gateways.length
            && g.containsAll(List.of(gateways)));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void givenSession_whenVipAdvertisedAndWithdrawn_thenRouterFibFollowsWithOurNextHop(Topology t) {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    assertThat(s.status().get(0).holdTime()).isEqualTo(Duration.ofSeconds(3));

    s.advertise(Set.of(VipAddress.parse("10.99.100.1")));
    long up = awaitGateways(t, "10.99.100.1", "10.99.0.12");
    s.withdraw(Set.of(VipAddress.parse("10.99.100.1")));
    long down = awaitGateways(t, "10.99.100.1");
    System.out.printf("BIRD: advertise->router FIB %d ms, withdraw->router FIB %d ms%n", up, down);
  }

  @Test
  void givenIpv6Vip_whenAdvertisedOverMpBgp_thenRouterHasIt(Topology t) {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("fd99:100::1")));
    awaitGateways(t, "fd99:100::1", "fd99::12");
    s.withdraw(Set.of(VipAddress.parse("fd99:100::1")));
    awaitGateways(t, "fd99:100::1");
  }

  @Test
  void givenIpv6Session_whenIpv6VipAdvertised_thenNextHopIsSessionAddress(Topology t) {
    BgpPeerConfig peer = BgpPeerConfig.builder(TestPeer.ip(t.ipv6(ROUTER)), 65000)
        .holdTime(Duration.ofSeconds(3)).families(false, true).build();
    BgpSpeaker s = speaker(t, "n2", AS_N2, peer);
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("fd99:100::6")));
    awaitGateways(t, "fd99:100::6", "fd99::12");
  }

  @Test
  void givenTwoNodesWithSameVip_whenBothAdvertise_thenRouterHasEcmpRoute(Topology t) {
    BgpSpeaker a = speaker(t, "n2", AS_N2, router(t, "n2").build());
    BgpSpeaker b = speaker(t, "n3", AS_N3, router(t, "n3").build());
    awaitEstablished(a);
    awaitEstablished(b);
    VipAddress vip = VipAddress.parse("10.99.100.5");
    a.advertise(Set.of(vip));
    b.advertise(Set.of(vip));
    awaitGateways(t, "10.99.100.5", "10.99.0.12", "10.99.0.13");
    b.withdraw(Set.of(vip));
    awaitGateways(t, "10.99.100.5", "10.99.0.12");
  }

  @Test
  void givenFourOctetAs_whenAdvertised_thenBirdSeesIt(Topology t) {
    BgpSpeaker s = speaker(t, "n3", AS_N3, router(t, "n3").build());
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("10.99.100.7")));
    awaitGateways(t, "10.99.100.7", "10.99.0.13");
    assertThat(bird.birdc("show route 10.99.100.7/32 all").stdout()).contains("BGP.as_path: 4200000001");
  }

  @Test
  void givenAdvertisedVip_whenSpeakerClosed_thenRouteGoneAndBirdLogsShutdownMessage(Topology t) throws Exception {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("10.99.100.8")));
    awaitGateways(t, "10.99.100.8", "10.99.0.12");
    s.close();
    awaitGateways(t, "10.99.100.8");
    await().atMost(Duration.ofSeconds(5)).until(() -> bird.logText().contains("node drained"));
  }

  @Test
  void givenRouterCutOff_whenNothingArrives_thenHoldTimerExpiresAndSessionReturnsAfterwards(Topology t)
      throws Exception {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    t.exec(ROUTER, "nft", "add table inet kvcut; add chain inet kvcut in { type filter hook input priority 0;"
        + " policy drop; }; add chain inet kvcut out { type filter hook output priority 0; policy drop; }")
        .requireSuccess();
    try {
      long t0 = System.nanoTime();
      await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(20))
          .until(() -> s.status().get(0).state() != SessionState.ESTABLISHED);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("hold timer expiry detected after %d ms (hold 3 s)%n", ms);
      assertThat(ms).isBetween(1_500L, 4_500L);
      assertThat(s.status().get(0).lastSent().code()).isEqualTo(ErrorCodes.HOLD_TIMER_EXPIRED);
    } finally {
      t.exec(ROUTER, "nft", "delete table inet kvcut").requireSuccess();
    }
    awaitEstablished(s);
  }

  @Test
  void givenBirdRestarted_whenBack_thenSessionAndRouteReturn(Topology t) throws Exception {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("10.99.100.9")));
    awaitGateways(t, "10.99.100.9", "10.99.0.12");
    bird.kill();
    await().atMost(Duration.ofSeconds(5)).until(() -> s.status().get(0).state() != SessionState.ESTABLISHED);
    long t0 = System.nanoTime();
    bird.start(PROTOCOLS);
    awaitGateways(t, "10.99.100.9", "10.99.0.12");
    System.out.printf("BIRD restart -> route back in router FIB after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(s.status().get(0).establishedCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void given1000Vips_whenAdvertisedAtOnce_thenAllInRouterFibAndAllGoneAfterWithdraw(Topology t) {
    BgpSpeaker s = speaker(t, "n2", AS_N2, router(t, "n2").build());
    awaitEstablished(s);
    Set<VipAddress> vips = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      vips.add(VipAddress.parse("10.98." + (i / 250) + "." + (i % 250 + 1)));
    }
    long t0 = System.nanoTime();
    s.advertise(vips);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(() -> countIn(t, "10.98."), n -> n == 1000);
    long up = (System.nanoTime() - t0) / 1_000_000;
    t0 = System.nanoTime();
    s.withdraw(vips);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(() -> countIn(t, "10.98."), n -> n == 0);
    long down = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("BIRD: 1000 VIPs advertise->all in router FIB %d ms, withdraw->all gone %d ms%n", up, down);
  }

  private static long countIn(Topology t, String prefix) {
    return t.ipJson(ROUTER, "-4", "route", "show", "proto", "bird").stream()
        .filter(r -> String.valueOf(r.get("dst")).startsWith(prefix)).count();
  }
}
