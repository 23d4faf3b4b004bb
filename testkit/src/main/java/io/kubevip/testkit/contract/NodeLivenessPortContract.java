// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLivenessPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link NodeLivenessPort} must do. Ports made by one test instance share one backend (one cluster). */
public abstract class NodeLivenessPortContract<P extends NodeLivenessPort> {
  protected static final NodeId A = NodeId.of("node-a");
  protected static final NodeId B = NodeId.of("node-b");
  private final List<P> created = new ArrayList<>();

  /** A port for node {@code self} on this test's backend. */
  protected abstract P createPort(NodeId self);

  /** How long the backend may take to show a change (renewals, informer delivery). */
  protected Duration patience() {
    return Duration.ofSeconds(10);
  }

  private P port(NodeId self) {
    P p = createPort(self);
    created.add(p);
    return p;
  }

  @AfterEach
  void releaseAll() {
    created.forEach(NodeLivenessPort::release);
  }

  @Test
  void givenNotStarted_thenNotSelfValid_andReleaseIsANoop() {
    P a = port(A);
    assertThat(a.selfValid()).isFalse();
    a.release();
    assertThat(a.selfValid()).isFalse();
  }

  @Test
  void givenStarted_whenRenewed_thenSelfValidAndSelfLive() {
    P a = port(A);
    List<Set<NodeId>> heard = new CopyOnWriteArrayList<>();
    a.start((live, valid) -> heard.add(live));
    await().atMost(patience()).until(() -> a.selfValid() && a.liveNodes().contains(A));
    await().atMost(patience()).until(() -> heard.stream().anyMatch(s -> s.contains(A)));
  }

  @Test
  void givenTwoNodes_whenBothStarted_thenEachSeesTheOther() {
    P a = port(A);
    P b = port(B);
    a.start((live, valid) -> {});
    b.start((live, valid) -> {});
    await().atMost(patience()).until(() -> a.liveNodes().containsAll(Set.of(A, B)) && b.liveNodes().containsAll(Set.of(A, B)));
  }

  @Test
  void givenPeer_whenItReleases_thenItIsNoLongerLiveAtOnceAndListenersHearIt() {
    P a = port(A);
    P b = port(B);
    List<Set<NodeId>> heardByA = new CopyOnWriteArrayList<>();
    a.start((live, valid) -> heardByA.add(live));
    b.start((live, valid) -> {});
    await().atMost(patience()).until(() -> a.liveNodes().contains(B));
    b.release();
    await().atMost(patience()).until(() -> !a.liveNodes().contains(B));
    assertThat(b.selfValid()).isFalse();
    assertThat(heardByA.get(heardByA.size() - 1)).doesNotContain(B).contains(A);
  }

  @Test
  void givenStarted_whenStartedAgain_thenRefused() {
    P a = port(A);
    a.start((live, valid) -> {});
    assertThatThrownBy(() -> a.start((live, valid) -> {})).isInstanceOf(IllegalStateException.class);
  }
}
