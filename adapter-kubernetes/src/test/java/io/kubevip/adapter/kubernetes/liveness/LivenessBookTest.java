// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.node.NodeId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessBookTest {
  private static final NodeId B = NodeId.of("node-b");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LivenessBook book = new LivenessBook();

  @Test
  void givenPeerRenewTimeFarInTheFuture_whenNotRenewedForALeaseDurationOnOurClock_thenExpired() {
    book.observe(B, "node-b", "2099-01-01T00:00:00Z", Duration.ofSeconds(15), T0); // skewed clock on the peer
    assertThat(book.live(T0.plusSeconds(14))).containsExactly(B);
    book.observe(B, "node-b", "2099-01-01T00:00:00Z", Duration.ofSeconds(15), T0.plusSeconds(10)); // resync, no renewal
    assertThat(book.live(T0.plusSeconds(15))).isEmpty();
  }

  @Test
  void givenRenewals_whenEachChangesRenewTime_thenValidityExtends_andReleaseEndsItAtOnce() {
    book.observe(B, "node-b", "t1", Duration.ofSeconds(15), T0);
    book.observe(B, "node-b", "t2", Duration.ofSeconds(15), T0.plusSeconds(10));
    assertThat(book.live(T0.plusSeconds(20))).containsExactly(B);
    book.observe(B, "", "t3", Duration.ofSeconds(1), T0.plusSeconds(21));
    assertThat(book.live(T0.plusSeconds(21))).isEmpty();
  }
}
