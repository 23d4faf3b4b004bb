// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.lease.LeaseName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeaderElectionPort} must do. Real adapters are asynchronous, so expectations are awaited
 * (Awaitility, default 10 s); use short lease timings in the adapter under test.
 */
public abstract class LeaderElectionPortContract<P extends LeaderElectionPort> {
  private static final AtomicInteger LEASES = new AtomicInteger();
  protected P port;
  protected LeaseName lease;

  /** A port campaigning as one node. */
  protected abstract P createPort();

  /** A second port, as another node, contending on the same backend as {@code first}. */
  protected abstract P createPeer(P first);

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
    lease = new LeaseName("kube-system", "contract-" + LEASES.incrementAndGet());
  }

  @AfterEach
  void releaseLease() {
    port.release(lease);
  }

  @Test
  void givenUncontestedLease_whenRun_thenStartsLeadingAndNamesALeader() {
    RecordingLeadershipCallbacks cb = new RecordingLeadershipCallbacks();
    port.run(lease, cb);
    await().until(cb::leading);
    await().until(() -> cb.events().stream().anyMatch(e -> e.startsWith("leader:")));
  }

  @Test
  void givenLeading_whenReleased_thenStoppedLeadingBeforeReleaseReturns() {
    RecordingLeadershipCallbacks cb = new RecordingLeadershipCallbacks();
    port.run(lease, cb);
    await().until(cb::leading);
    port.release(lease);
    assertThat(cb.leading()).isFalse();
    assertThat(cb.events()).endsWith("stopped");
  }

  @Test
  void givenRunning_whenRunAgainForTheSameLease_thenRefused() {
    port.run(lease, new RecordingLeadershipCallbacks());
    assertThatThrownBy(() -> port.run(lease, new RecordingLeadershipCallbacks()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(lease.name());
  }

  @Test
  void givenNotRunning_whenReleased_thenNothingHappens() {
    port.release(lease);
    RecordingLeadershipCallbacks cb = new RecordingLeadershipCallbacks();
    port.run(lease, cb);
    await().until(cb::leading);
  }

  @Test
  void givenTwoNodes_whenTheLeaderReleases_thenTheOtherLeadsAndOnlyOneLeadsAtATime() {
    P peer = createPeer(port);
    RecordingLeadershipCallbacks first = new RecordingLeadershipCallbacks();
    RecordingLeadershipCallbacks second = new RecordingLeadershipCallbacks();
    try {
      port.run(lease, first);
      await().until(first::leading);
      peer.run(lease, second);
      await().until(() -> second.events().stream().anyMatch(e -> e.startsWith("leader:")));
      assertThat(second.leading()).isFalse();
      port.release(lease);
      await().until(second::leading);
      assertThat(first.leading()).isFalse();
    } finally {
      peer.release(lease);
    }
  }
}
