// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Stops a test fixture that is known to stall while stopping, without letting the stall decide the test or hold up
 * the suite. fabric8's mock API server (Vert.x 5) waits for every open WebSocket before it lets go and throws
 * "Unable to close MockWebServer" after 10 s (fabric8 PR #8131); that is test plumbing, not the behaviour under test.
 * The shutdown runs on its own daemon thread and is waited for at most a bound; a stall, or a failure the caller
 * names as the known stall, is reported on stderr; any other failure is rethrown, so a broken fixture still fails.
 */
public final class BoundedShutdown {
  private BoundedShutdown() {}

  /**
   * Runs {@code shutdown} and waits at most {@code wait} for it.
   *
   * @param what names the fixture in the report
   * @param stall which failures of {@code shutdown} are the known stall (reported, not thrown)
   * @return whether the shutdown finished cleanly within {@code wait}
   */
  public static boolean run(String what, Duration wait, Runnable shutdown, Predicate<? super RuntimeException> stall) {
    return run(what, wait, shutdown, stall, System.err);
  }

  /** The known stall as an {@link IllegalStateException} whose message starts with {@code prefix}. */
  public static Predicate<RuntimeException> illegalState(String prefix) {
    return e -> e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith(prefix);
  }

  static boolean run(String what, Duration wait, Runnable shutdown, Predicate<? super RuntimeException> stall,
      PrintStream report) {
    CompletableFuture<Void> done = CompletableFuture.runAsync(shutdown, task -> {
      Thread t = new Thread(task, what + " shutdown");
      t.setDaemon(true);
      t.start();
    });
    try {
      done.get(wait.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException slow) {
      report.println(what + ": shutdown not finished after " + wait.toMillis() + " ms; left to finish in the background");
      done.whenComplete((ok, failure) -> {
        if (failure != null) {
          report.println(what + ": background shutdown failed: " + failure.getCause());
        }
      });
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      report.println(what + ": interrupted while waiting for the shutdown");
      return false;
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof RuntimeException r && stall.test(r)) {
        report.println(what + ": shutdown stalled: " + r);
        return false;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(cause);
    }
  }
}
