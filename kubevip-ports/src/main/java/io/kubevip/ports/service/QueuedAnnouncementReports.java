// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link ServiceStatusPort} whose {@link #reportAnnouncement} returns at once: the reports (annotation
 * {@code vipHost}, ingress and condition — two API writes per Service) are written by a few worker threads, in
 * parallel across Services, instead of one Service after the other on the pass thread. Everything else goes straight
 * through.
 *
 * <p>Per Service only the latest report is kept while it waits (a withdrawal queued after an announcement replaces it:
 * what is written is what is true now), one Service is never written by two workers at once, and reports are taken in
 * the order the Services were first queued. The caller waits for a pass's reports with {@link #awaitWritten}: the
 * {@code vipHost} annotation is the hand-over token (break before make), and a node whose claims lag behind its
 * announcements leaves other nodes placing those VIPs afresh. A report that fails is logged and left to the caller's
 * next pass (the controller writes again when the watch has not shown it within its echo timeout).
 * {@link #awaitEventsWritten} waits for the queue first, so nothing is lost at shutdown.
 *
 * <p>Workers start when reports wait and end after {@link #KEEP_ALIVE} without work: a burst gets all of them, a quiet
 * node keeps no idle threads (and their stacks) around (RSS, issue #5).
 */
public final class QueuedAnnouncementReports extends ForwardingServiceStatusPort implements AutoCloseable {
  private record Report(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
      ServiceCondition condition) {}

  /** How long a worker waits for work before it ends. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  private final Consumer<String> onFailure;
  private final int maxWorkers;
  private final long keepAliveNanos;
  /** Worker numbers in use (thread names {@code kubevip-service-reports-<n>}, n from 1 to maxWorkers). */
  private final java.util.BitSet workerNumbers = new java.util.BitSet();
  private final Map<String, Report> queued = new LinkedHashMap<>();
  private final AtomicLong failures = new AtomicLong();
  /** Keys of the Services being written now, one worker each. */
  private final Set<String> writing = new HashSet<>();
  private boolean closed;

  /** One worker: reports written one after the other, off the caller's thread. */
  public QueuedAnnouncementReports(ServiceStatusPort delegate, Consumer<String> onFailure) {
    this(delegate, onFailure, 1);
  }

  /**
   * @param delegate the real port, called from the worker threads for reports and from the caller for the rest
   * @param onFailure told (on a worker thread) about each report that could not be written
   * @param workers reports written at once, for different Services
   */
  public QueuedAnnouncementReports(ServiceStatusPort delegate, Consumer<String> onFailure, int workers) {
    this(delegate, onFailure, workers, KEEP_ALIVE);
  }

  /** As the public one, with a shorter {@code keepAlive} for tests. */
  QueuedAnnouncementReports(ServiceStatusPort delegate, Consumer<String> onFailure, int workers, Duration keepAlive) {
    super(delegate);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keepAlive must be positive, got " + keepAlive);
    }
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    this.maxWorkers = workers;
    this.keepAliveNanos = keepAlive.toNanos();
  }

  @Override
  public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
      ServiceCondition condition) {
    Report r = new Report(service, List.copyOf(addresses), announcedBy, condition);
    synchronized (queued) {
      if (closed) {
        writeNow(r); // after close: the caller's thread, as a plain port would
        return;
      }
      queued.put(service.key(), r); // replaces a waiting one, keeps its place
      queued.notifyAll();
      startWorkerIfShort();
    }
  }

  // Under the lock. Every worker not writing takes one queued report: start one more while that is not enough.
  private void startWorkerIfShort() {
    int live = workerNumbers.cardinality();
    if (live < maxWorkers && queued.size() > live - writing.size()) {
      int number = workerNumbers.nextClearBit(1);
      workerNumbers.set(number);
      Thread worker = new Thread(() -> run(number), "kubevip-service-reports-" + number);
      worker.setDaemon(true);
      worker.start();
    }
  }

  /** Worker threads alive now: none when idle for {@link #KEEP_ALIVE}, at most the {@code workers} given. */
  int liveWorkers() {
    synchronized (queued) {
      return workerNumbers.cardinality();
    }
  }

  /** Reports waiting or being written. */
  public int pending() {
    synchronized (queued) {
      return queued.size() + writing.size();
    }
  }

  /** Waiting or being written: the caller's echo timeout must not run out on a report still in this queue. */
  @Override
  public boolean reportPending(ServiceRef service) {
    synchronized (queued) {
      return queued.containsKey(service.key()) || writing.contains(service.key());
    }
  }

  /** Reports that failed since start. */
  public long failures() {
    return failures.get();
  }

  private void run(int number) {
    while (true) {
      Report next;
      synchronized (queued) {
        long idleSince = System.nanoTime();
        while ((next = takeWritable()) == null) {
          // Nothing this worker may take: the queue is empty or holds only Services other workers are writing
          // (those workers take them next), so ending here loses no report.
          long idleLeft = keepAliveNanos - (System.nanoTime() - idleSince);
          if ((closed && queued.isEmpty()) || idleLeft <= 0) {
            workerNumbers.clear(number);
            return;
          }
          try {
            queued.wait(Math.max(1, idleLeft / 1_000_000L));
          } catch (InterruptedException e) {
            workerNumbers.clear(number);
            return;
          }
        }
        writing.add(next.service().key());
      }
      try {
        writeNow(next);
      } finally {
        synchronized (queued) {
          writing.remove(next.service().key());
          queued.notifyAll();
        }
      }
    }
  }

  // The first queued report whose Service no other worker is writing, removed from the queue; null when none.
  private Report takeWritable() {
    var it = queued.values().iterator();
    while (it.hasNext()) {
      Report r = it.next();
      if (!writing.contains(r.service().key())) {
        it.remove();
        return r;
      }
    }
    return null;
  }

  /** Waits until every report queued so far is written (or failed), at most {@code timeout}; true when all are. */
  public boolean awaitWritten(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (queued) {
      while (!queued.isEmpty() || !writing.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          queued.wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void writeNow(Report r) {
    try {
      super.reportAnnouncement(r.service(), r.addresses(), r.announcedBy(), r.condition());
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      onFailure.accept("recording vipHost on " + r.service() + " failed (the next pass writes it again): "
          + e.getMessage());
    }
  }

  /** Waits for the queued reports, then for the delegate's Events; the whole wait is bounded by {@code timeout}. */
  @Override
  public void awaitEventsWritten(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitWritten(timeout);
    super.awaitEventsWritten(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Writes what is queued (the workers finish it), then later reports are written on the caller's thread. */
  @Override
  public void close() {
    synchronized (queued) {
      closed = true;
      queued.notifyAll();
    }
  }
}
