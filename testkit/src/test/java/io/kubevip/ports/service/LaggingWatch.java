// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A watch that delivers late, like an informer behind a busy API server: every event waits a random time up to
 * {@code maxLag} (never overtaking an earlier one) and is handed to {@code target} by {@link #pump()}.
 */
final class LaggingWatch implements ClusterWatchListener {
  private record Due(Instant at, Consumer<ClusterWatchListener> event) {}

  private final ClusterWatchListener target;
  private final Clock clock;
  private final Random random;
  private final Duration maxLag;
  private final Deque<Due> queue = new ArrayDeque<>();
  private Instant last = Instant.MIN;

  LaggingWatch(ClusterWatchListener target, Clock clock, Random random, Duration maxLag) {
    this.target = target;
    this.clock = clock;
    this.random = random;
    this.maxLag = maxLag;
  }

  /** Delivers every event that is due by now. */
  void pump() {
    Instant now = clock.instant();
    while (!queue.isEmpty() && !queue.peekFirst().at().isAfter(now)) {
      queue.pollFirst().event().accept(target);
    }
  }

  private void enqueue(Consumer<ClusterWatchListener> event) {
    Instant at = clock.instant().plusMillis((long) (random.nextDouble() * maxLag.toMillis()));
    if (at.isBefore(last)) {
      at = last;
    }
    last = at;
    queue.addLast(new Due(at, event));
  }

  @Override
  public void serviceUpserted(ServiceIntent service) {
    enqueue(l -> l.serviceUpserted(service));
  }

  @Override
  public void serviceDeleted(ServiceRef service) {
    enqueue(l -> l.serviceDeleted(service));
  }

  @Override
  public void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {
    enqueue(l -> l.serviceHostChanged(service, host));
  }

  @Override
  public void poolConfigChanged(PoolConfig config) {
    enqueue(l -> l.poolConfigChanged(config));
  }

  @Override
  public void synced() {
    enqueue(ClusterWatchListener::synced);
  }
}
