// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.adapter.bgp.bfd.BfdState;
import io.kubevip.testkit.netns.BirdRouter;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BFD with BIRD ({@code bfd on}, 100 ms x 3, as in platform-notes §3): the BFD session comes up, and when the
 * router is cut off with nftables the BGP session goes down well before the 3 s hold time.
 */
@NetnsTopology(nodes = 2, client = false)
class BfdInteropPrivilegedIT {
  private static final String ROUTER = "n1";
  private static BirdRouter bird;

  @BeforeAll
  static void startBird(Topology t, @TempDir Path dir) throws Exception {
    bird = new BirdRouter(t, ROUTER, dir).start("""
        protocol bfd { interface "eth0" { min rx interval 100 ms; min tx interval 100 ms; multiplier 3; }; }
        protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65001; bfd on; }
        """);
  }

  @AfterAll
  static void stopBird() throws Exception {
    if (bird != null) {
      System.out.println("---- bird.log ----\n" + bird.logText());
      bird.close();
    }
  }

  @Test
  void givenBfd_whenRouterCutOff_thenSessionDownWithinAFractionOfTheHoldTime(Topology t) throws Exception {
    BgpSpeakerConfig cfg = BgpSpeakerConfig.of(65001, (Inet4Address) TestPeer.ip("10.99.0.12"))
        .withConnectRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    BgpPeerConfig peer = BgpPeerConfig.builder(TestPeer.ip("10.99.0.11"), 65000).holdTime(Duration.ofSeconds(3))
        .families(true, false).bfd(Duration.ofMillis(100), 3).build();
    try (BgpSpeaker s = new BgpSpeaker(cfg, List.of(peer), Namespaced.opener(t, "n2")).start()) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
          .until(() -> s.status().get(0).bfd() == BfdState.UP);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> bird.birdc("show bfd sessions").stdout().contains("Up"));
      // both directions: nothing from the router reaches us, so our own detection timer has to notice
      t.exec(ROUTER, "nft", "add table inet kvcut; add chain inet kvcut in { type filter hook input priority 0;"
          + " policy drop; }; add chain inet kvcut out { type filter hook output priority 0; policy drop; }")
          .requireSuccess();
      try {
        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
            .until(() -> s.status().get(0).state() != SessionState.ESTABLISHED);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("BFD (100 ms x 3): session down %d ms after the cut (hold time 3000 ms)%n", ms);
        assertThat(ms).isLessThan(1_500);
        assertThat(s.status().get(0).lastSent()).as("down by BFD, not by the hold timer").isNull();
      } finally {
        t.exec(ROUTER, "nft", "delete table inet kvcut").requireSuccess();
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> s.status().get(0).bfd() == BfdState.UP);
    }
  }
}
