// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mock API's watch close must not hold the thread that reports it (the server's only event loop). */
class CloseOffLoopTest {
  private final ExecutorService closers = Executors.newSingleThreadExecutor();
  private final CountDownLatch sendFinished = new CountDownLatch(1);
  private final List<String> calls = new CopyOnWriteArrayList<>();

  /** As fabric8's watch listener: closing waits for its send thread, which waits for the caller's thread. */
  private final WebSocketListener stuckWhileSending = new WebSocketListener() {
    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      calls.add("closing on " + Thread.currentThread().getName());
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      try {
        sendFinished.await();
        calls.add("closed on " + Thread.currentThread().getName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  };

  @AfterEach
  void stop() {
    sendFinished.countDown();
    closers.shutdownNow();
  }

  @Test
  @Timeout(10) // a close run on the caller's thread would wait for ever
  void givenAListenerWhoseCloseWaits_whenClosed_thenTheCallerIsFreeAtOnce_andTheCloseCompletesElsewhere()
      throws Exception {
    CloseOffLoop listener = new CloseOffLoop(stuckWhileSending, closers);
    String caller = Thread.currentThread().getName();

    listener.onClosing(null, 1000, "bye");
    long t0 = System.nanoTime();
    listener.onClosed(null, 1000, "bye");
    long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(heldMillis).as("the caller was not held by the close").isLessThan(1_000);
    assertThat(calls).containsExactly("closing on " + caller);
    sendFinished.countDown(); // the send that the close waited for can finish now that the caller is free
    closers.shutdown();
    assertThat(closers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(calls).hasSize(2).last().asString().startsWith("closed on ").doesNotEndWith(caller);
  }
}
