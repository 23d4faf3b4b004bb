// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.netns.BirdRouter;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.net.Inet4Address;
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
 * Graceful restart (RFC 4724) and per-peer path attributes against BIRD 2.0 in n1 (10.99.0.11, AS 65000). n2 (AS
 * 65001, eBGP) peers with {@code graceful restart on}; n3 (AS 65000, iBGP, so LOCAL_PREF applies) sends
 * communities, large communities and local preference. Routes are checked in the router's kernel FIB and in
 * {@code birdc show route all}.
 */
@NetnsTopology(nodes = 3, client = false)
class BirdGracefulRestartPrivilegedIT {
  private static final String ROUTER = "n1";
  private static final String PROTOCOLS = """
      protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65001; graceful restart on; }
      protocol bgp kvn3 from kv { neighbor 10.99.0.13 as 65000; direct; }
      """;
  /** Longer than the test waits: routes that leave before it were removed by End-of-RIB, not by the timer. */
  private static final Duration RESTART_TIME = Duration.ofSeconds(60);
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
    // the next test starts from a router without our routes: stale ones would otherwise wait out RESTART_TIME
    bird.birdc("restart kvn2");
  }

  private BgpSpeaker speaker(Topology t, String role, long as, Duration restartTime, BgpPeerConfig peer) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(as, (Inet4Address) TestPeer.ip(t.ipv4(role)))
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1)).withGracefulRestart(restartTime);
    BgpSpeaker s = new BgpSpeaker(cfg, List.of(peer), Namespaced.opener(t, role));
    speakers.add(s);
    return s.start();
  }

  private static BgpPeerConfig.Builder router(Topology t) {
    return BgpPeerConfig.builder(TestPeer.ip(t.ipv4(ROUTER)), 65000).holdTime(Duration.ofSeconds(3))
        .families(true, false);
  }

  private static void awaitEstablished(BgpSpeaker s) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(() -> s.status().get(0).state() == SessionState.ESTABLISHED);
  }

  private static void awaitGateways(Topology t, String dst, String... gateways) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> RouterFib.gateways(t, ROUTER, dst), g -> g.size() == gateways.length
            && g.containsAll(List.of(gateways)));
  }

  private static boolean birdSessionDown(String protocol) {
    return !bird.birdc("show protocols " + protocol).stdout().contains("Established");
  }

  @Test
  void givenGracefulRestart_whenSpeakerDiesAndComesBack_thenRoutesStayStaleAndEndOfRibRemovesTheGoneOne(Topology t) {
    BgpSpeaker first = speaker(t, "n2", 65001, RESTART_TIME, router(t).build());
    awaitEstablished(first);
    first.advertise(Set.of(VipAddress.parse("10.99.100.21"), VipAddress.parse("10.99.100.22")));
    awaitGateways(t, "10.99.100.21", "10.99.0.12");
    awaitGateways(t, "10.99.100.22", "10.99.0.12");

    first.abort(); // like kill -9: the socket closes, no withdraw, no NOTIFICATION
    await().atMost(Duration.ofSeconds(10)).until(() -> birdSessionDown("kvn2"));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
        .until(() -> RouterFib.gateways(t, ROUTER, "10.99.100.21").equals(List.of("10.99.0.12"))
            && RouterFib.gateways(t, ROUTER, "10.99.100.22").equals(List.of("10.99.0.12")));
    System.out.println("stale in BIRD:\n" + bird.birdc("show route all 10.99.100.22/32").stdout());

    // the restarted process announces only .21: after its End-of-RIB, BIRD drops the stale .22
    BgpSpeaker second = speaker(t, "n2", 65001, RESTART_TIME, router(t).build());
    second.advertise(Set.of(VipAddress.parse("10.99.100.21")));
    awaitEstablished(second);
    awaitGateways(t, "10.99.100.22");
    awaitGateways(t, "10.99.100.21", "10.99.0.12");
  }

  @Test
  void givenNoGracefulRestart_whenSpeakerDies_thenBirdDropsTheRoutesAtOnce(Topology t) {
    BgpSpeaker s = speaker(t, "n2", 65001, null, router(t).build());
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("10.99.100.23")));
    awaitGateways(t, "10.99.100.23", "10.99.0.12");

    s.abort();
    awaitGateways(t, "10.99.100.23");
  }

  @Test
  void givenPeerCommunitiesAndLocalPref_whenAdvertisedOverIbgp_thenBirdShowsThemOnTheRoute(Topology t) {
    BgpPeerConfig peer = router(t).communities("65000:100", "65000:200").largeCommunities("65000:1:2")
        .localPref(250).build();
    BgpSpeaker s = speaker(t, "n3", 65000, null, peer);
    awaitEstablished(s);
    s.advertise(Set.of(VipAddress.parse("10.99.100.31")));
    awaitGateways(t, "10.99.100.31", "10.99.0.13");

    String route = bird.birdc("show route all 10.99.100.31/32").stdout();
    System.out.println(route);
    assertThat(route).contains("BGP.local_pref: 250").contains("(65000,100)").contains("(65000,200)")
        .contains("(65000, 1, 2)");
  }
}
