// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BoundedShutdownTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Predicate<RuntimeException> STALL = BoundedShutdown.illegalState("Unable to close");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream report = new PrintStream(out, true, StandardCharsets.UTF_8);

  private String reported() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void givenShutdownThatFinishes_whenRun_thenTrueAndNothingReported() {
    AtomicBoolean ran = new AtomicBoolean();

    assertThat(BoundedShutdown.run("mock", WAIT, () -> ran.set(true), STALL, report)).isTrue();

    assertThat(ran).isTrue();
    assertThat(reported()).isEmpty();
  }

  @Test
  void givenKnownStall_whenRun_thenFalseAndReportedNotThrown() {
    boolean clean = BoundedShutdown.run("mock", WAIT, () -> {
      throw new IllegalStateException("Unable to close MockWebServer");
    }, STALL, report);

    assertThat(clean).isFalse();
    assertThat(reported()).contains("mock: shutdown stalled").contains("Unable to close MockWebServer");
  }

  @Test
  void givenOtherFailure_whenRun_thenRethrown() {
    assertThatThrownBy(() -> BoundedShutdown.run("mock", WAIT, () -> {
      throw new IllegalArgumentException("broken fixture");
    }, STALL, report)).isInstanceOf(IllegalArgumentException.class).hasMessage("broken fixture");
    assertThat(reported()).isEmpty();
  }

  @Test
  void givenIllegalStateOtherThanTheStall_whenRun_thenRethrown() {
    assertThatThrownBy(() -> BoundedShutdown.run("mock", WAIT, () -> {
      throw new IllegalStateException("shutdown() before start()");
    }, STALL, report)).isInstanceOf(IllegalStateException.class).hasMessage("shutdown() before start()");
  }

  @Test
  void givenShutdownThatHangs_whenRun_thenReturnsAfterTheBoundAndReports() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    try {
      boolean clean = BoundedShutdown.run("mock", Duration.ofMillis(200), () -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        finished.countDown();
      }, STALL, report);

      assertThat(clean).isFalse();
      assertThat(finished.getCount()).isEqualTo(1);
      assertThat(reported()).contains("mock: shutdown not finished after 200 ms");
    } finally {
      release.countDown();
    }
    assertThat(finished.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }
}
