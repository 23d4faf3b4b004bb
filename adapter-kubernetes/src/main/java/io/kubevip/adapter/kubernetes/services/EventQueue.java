// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event writes off the caller's thread: an Event is one POST (or GET + PUT when aggregated) that nobody waits for, and
 * on the Services pass thread it queued announcements behind it during bursts. Bounded: when the API server is slower
 * than the Events we make, the oldest are dropped (counted and logged) — Events are best effort, memory is not.
 */
final class EventQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);
  static final int DEFAULT_CAPACITY = 4096;

  private final LinkedBlockingDeque<Runnable> queue;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread worker;
  private volatile boolean closed;

  EventQueue(int capacity, String threadName) {
    if (capacity < 1) {
      throw new IllegalArgumentException("event queue capacity must be at least 1, got " + capacity);
    }
    this.queue = new LinkedBlockingDeque<>(capacity);
    this.worker = new Thread(this::run, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues {@code write}; when full, the oldest queued write is dropped to make room. */
  void submit(Runnable write) {
    if (closed) {
      LOG.debug("event queue closed: Event dropped");
      return;
    }
    pending.incrementAndGet();
    while (!queue.offerLast(write)) {
      if (queue.pollFirst() != null) {
        pending.decrementAndGet();
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 100 == 0) {
          LOG.warn("Service Event queue full ({} queued): dropped the oldest Event, {} dropped so far",
              queue.size(), n);
        }
      }
    }
  }

  /** Events queued or being written. */
  int pending() {
    return pending.get();
  }

  /** Waits until everything queued so far is written, at most {@code timeout}; true when nothing is pending. */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pending) {
      while (pending.get() > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        try {
          pending.wait(Math.min(left, 100));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Events dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  private void run() {
    while (true) {
      Runnable next;
      try {
        next = queue.pollFirst(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        if (closed) {
          return;
        }
        continue;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.warn("writing a Service Event failed: {}", e.toString());
      } finally {
        if (pending.decrementAndGet() == 0) {
          synchronized (pending) {
            pending.notifyAll();
          }
        }
      }
    }
  }

  /** Stops taking Events and writes what is queued, waiting at most {@code drain}; the rest is dropped. */
  void close(Duration drain) {
    closed = true;
    try {
      worker.join(Math.max(1, drain.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
      LOG.warn("{} Service Events not written at shutdown", queue.size());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
