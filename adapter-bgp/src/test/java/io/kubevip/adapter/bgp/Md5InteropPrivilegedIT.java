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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCP MD5 (RFC 2385) against BIRD with {@code password "s3cret"}: the libc socket of kubevip-linux carries the
 * key; with the wrong key the kernel drops our SYNs, so no session comes up. Also eBGP multihop TTL on the same
 * socket type.
 */
@NetnsTopology(nodes = 3, client = false)
class Md5InteropPrivilegedIT {
  private static final String ROUTER = "n1";
  private static BirdRouter bird;

  @BeforeAll
  static void startBird(Topology t, @TempDir Path dir) throws Exception {
    bird = new BirdRouter(t, ROUTER, dir).start("""
        protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65001; password "s3cret"; }
        protocol bgp kvn3 from kv { neighbor 10.99.0.13 as 65002; password "s3cret"; }
        """);
  }

  @AfterAll
  static void stopBird() throws Exception {
    if (bird != null) {
      bird.close();
    }
  }

  private static BgpSpeaker speaker(Topology t, String role, long as, String password) {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(as, (Inet4Address) TestPeer.ip(t.ipv4(role)))
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    BgpPeerConfig peer = BgpPeerConfig.builder(TestPeer.ip(t.ipv4(ROUTER)), 65000).holdTime(Duration.ofSeconds(3))
        .password(password).multihopTtl(2).families(true, false).build();
    return new BgpSpeaker(cfg, List.of(peer), Namespaced.opener(t, role)).start();
  }

  @Test
  void givenRightPassword_whenDialling_thenSessionUpAndRouteInRouterFib(Topology t) {
    try (BgpSpeaker s = speaker(t, "n2", 65001, "s3cret")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> s.status().get(0).state() == SessionState.ESTABLISHED);
      s.advertise(Set.of(VipAddress.parse("10.99.100.21")));
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
          .until(() -> RouterFib.gateways(t, ROUTER, "10.99.100.21"), g -> g.equals(List.of("10.99.0.12")));
    }
  }

  @Test
  void givenWrongPassword_whenDialling_thenNoSession(Topology t) {
    try (BgpSpeaker s = speaker(t, "n3", 65002, "wrong")) {
      await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7))
          .until(() -> s.status().get(0).state() != SessionState.ESTABLISHED);
      assertThat(s.status().get(0).establishedCount()).isZero();
      assertThat(bird.birdc("show protocols kvn3").stdout()).doesNotContain("Established");
    }
  }
}
