// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  @Test
  void givenBlockedWorker_whenSubmitReturns_thenCallerDidNotWaitAndWriteHappensLater() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<String> written = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(8, "test-events");
    try {
      queue.submit(() -> {
        hold(release);
        written.add("first");
      });
      queue.submit(() -> written.add("second"));

      assertThat(written).isEmpty();
      assertThat(queue.pending()).isEqualTo(2);
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> queue.pending() == 0);
      assertThat(written).containsExactly("first", "second");
    } finally {
      release.countDown();
      queue.close();
    }
  }

  @Test
  void givenFullQueue_whenMoreSubmitted_thenOldestDroppedAndCounted() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> written = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(2, "test-events");
    try {
      queue.submit(() -> {
        started.countDown();
        hold(release);
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue(); // the worker holds it: the queue is empty again
      for (int i = 1; i <= 5; i++) {
        int n = i;
        queue.submit(() -> written.add(n));
      }
      assertThat(queue.dropped()).isEqualTo(3);
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> queue.pending() == 0);
      assertThat(written).containsExactly(4, 5);
    } finally {
      release.countDown();
      queue.close();
    }
  }

  @Test
  void givenQueuedWrites_whenClosed_thenWrittenBeforeCloseReturnsAndLaterOnesIgnored() {
    List<Integer> written = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(16, "test-events");
    for (int i = 0; i < 10; i++) {
      int n = i;
      queue.submit(() -> written.add(n));
    }
    queue.close(Duration.ofSeconds(10));
    queue.submit(() -> written.add(99));

    assertThat(written).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void givenWriteInProgress_whenAwaitingIdle_thenFalseUntilWrittenThenTrue() {
    CountDownLatch release = new CountDownLatch(1);
    List<String> written = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(8, "test-events");
    try {
      queue.submit(() -> {
        hold(release);
        written.add("withdrawn");
      });

      assertThat(queue.awaitIdle(Duration.ofMillis(200))).isFalse();
      release.countDown();
      assertThat(queue.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(written).containsExactly("withdrawn");
    } finally {
      release.countDown();
      queue.close();
    }
  }

  private static void hold(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
