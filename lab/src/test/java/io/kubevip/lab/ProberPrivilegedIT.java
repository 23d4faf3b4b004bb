// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.testkit.netns.Privileged;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prober against an address moved between nodes by hand (ip addr + arping), no manager involved. */
class ProberPrivilegedIT {
  private static final String VIP = "10.99.0.50";
  private static final Duration WAIT = Duration.ofSeconds(5);

  @BeforeEach
  void privileged() {
    Privileged.assume();
  }

  @Test
  void givenVipMovedByHand_whenProbed_thenOwnersClientMacAndOutageFollow() {
    try (LabTopology t = LabTopology.build(2); Prober p = Prober.start(t, VIP)) {
      assertThat(p.owners()).isEmpty();
      take(t, "node1");
      assertThat(p.awaitOwners(o -> o.equals(Set.of("node1")), WAIT)).isPresent();
      assertThat(p.awaitReplyAfter(Clock.nowMicros(), WAIT)).isPresent();
      assertThat(p.clientPointsAt()).contains("node1");

      long t0 = Clock.nowMicros();
      t.ip("node1", "addr", "del", VIP + "/32", "dev", "eth0");
      take(t, "node2");

      assertThat(p.awaitOwners(o -> o.equals(Set.of("node2")), WAIT)).isPresent();
      long reply = p.awaitReplyAfter(t0, WAIT).orElseThrow();
      assertThat(reply - t0).isLessThan(2_000_000L);
      assertThat(p.macChanges(t0)).anySatisfy(c -> assertThat(c.node()).isEqualTo("node2"));
      assertThat(p.samples(t0, Clock.nowMicros())).noneMatch(s -> s.owners() > 1);
      assertThat(p.healthy()).isTrue();
    }
  }

  @Test
  void givenVipOnTwoNodes_whenProbed_thenSamplesWithTwoOwnersAreCounted() {
    try (LabTopology t = LabTopology.build(2); Prober p = Prober.start(t, VIP)) {
      take(t, "node1");
      take(t, "node2");
      assertThat(p.awaitOwners(o -> o.size() == 2, WAIT)).isPresent();
      long t0 = Clock.nowMicros();
      p.awaitReplyAfter(t0, WAIT).orElseThrow();
      assertThat(p.samples(t0, Clock.nowMicros())).anyMatch(s -> s.owners() == 2);

      t.cutOff("node2");
      assertThat(p.owners()).containsExactly("node1");
      assertThat(p.holders()).containsExactly("node1", "node2");
    }
  }

  @Test
  void givenNobodyHoldsTheVip_whenProbed_thenProbesGoUnanswered() {
    try (LabTopology t = LabTopology.build(2); Prober p = Prober.start(t, VIP)) {
      long t0 = Clock.nowMicros();
      assertThat(p.awaitReplyAfter(t0, Duration.ofMillis(700))).isEmpty();
      assertThat(p.samples(t0, Clock.nowMicros())).isNotEmpty().noneMatch(Prober.Sample::reply);
    }
  }

  private static void take(LabTopology t, String node) {
    t.ip(node, "addr", "add", VIP + "/32", "dev", "eth0");
    t.exec(node, "arping", "-q", "-U", "-c", "1", "-I", "eth0", "-s", VIP, VIP);
  }
}
