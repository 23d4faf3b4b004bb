// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueuedAnnouncementReportsTest {
  private static final ServiceRef A = new ServiceRef("ns", "a", "u-a");
  private static final ServiceRef B = new ServiceRef("ns", "b", "u-b");
  private static final List<VipAddress> VIPS = List.of(VipAddress.parse("10.0.0.1"));
  private static final ServiceCondition UP = new ServiceCondition("kube-vip.io/Announced", true, "Announced", "");
  private static final ServiceCondition DOWN = new ServiceCondition("kube-vip.io/Announced", false, "Withdrawn", "");
  private static final NodeId N1 = NodeId.of("n1");

  private final BlockingPort port = new BlockingPort();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final QueuedAnnouncementReports reports = new QueuedAnnouncementReports(port, failures::add);

  @AfterEach
  void close() {
    port.release.countDown();
    reports.close();
  }

  @Test
  void givenSlowApi_whenReporting_thenTheCallerDoesNotWaitAndTheWorkerWritesIt() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      reports.reportAnnouncement(A, VIPS, Optional.of(N1), UP);
      reports.reportAnnouncement(B, VIPS, Optional.of(N1), UP);
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> port.started.getCount() == 0);
    assertThat(port.written).isEmpty(); // still blocked in the first write
    port.release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> port.written.size() == 2);
    assertThat(port.written).containsExactly("a -> n1", "b -> n1");
  }

  @Test
  void givenAReportWaiting_whenTheSameServiceIsReportedAgain_thenOnlyTheLatestIsWrittenInItsPlace() throws Exception {
    reports.reportAnnouncement(A, VIPS, Optional.of(N1), UP); // taken by the worker, blocks
    assertThat(port.started.await(5, TimeUnit.SECONDS)).isTrue();
    reports.reportAnnouncement(B, VIPS, Optional.of(N1), UP);
    reports.reportAnnouncement(A, VIPS, Optional.empty(), DOWN);
    reports.reportAnnouncement(B, VIPS, Optional.empty(), DOWN);
    assertThat(reports.pending()).isEqualTo(3); // one being written, two waiting
    assertThat(reports.reportPending(A)).isTrue();
    assertThat(reports.reportPending(new ServiceRef("ns", "c", "u-c"))).isFalse();
    port.release.countDown();
    reports.awaitEventsWritten(Duration.ofSeconds(5));
    assertThat(port.written).containsExactly("a -> n1", "b -> none", "a -> none");
    assertThat(reports.pending()).isZero();
    assertThat(reports.reportPending(A)).isFalse();
  }

  @Test
  void givenQueuedReports_whenAwaitingEvents_thenItReturnsOnlyAfterTheyAreWritten() throws Exception {
    reports.reportAnnouncement(A, VIPS, Optional.of(N1), UP);
    reports.reportAnnouncement(B, VIPS, Optional.of(N1), UP);
    assertThat(port.started.await(5, TimeUnit.SECONDS)).isTrue();
    reports.awaitEventsWritten(Duration.ofMillis(300)); // bounded while the API hangs
    assertThat(port.written).isEmpty();
    assertThat(reports.pending()).isEqualTo(2);
    port.release.countDown();
    reports.awaitEventsWritten(Duration.ofSeconds(10));
    assertThat(port.written).containsExactly("a -> n1", "b -> n1");
    assertThat(port.eventWaits).isEqualTo(2);
  }

  @Test
  void givenAFailingWrite_whenReporting_thenTheFailureIsToldAndLaterReportsAreStillWritten() {
    port.release.countDown();
    port.failFor = "a";
    reports.reportAnnouncement(A, VIPS, Optional.of(N1), UP);
    reports.reportAnnouncement(B, VIPS, Optional.of(N1), UP);
    await().atMost(Duration.ofSeconds(5)).until(() -> port.written.contains("b -> n1"));
    assertThat(failures).singleElement().asString().contains("ns/a").contains("refused");
    assertThat(reports.failures()).isEqualTo(1);
  }

  @Test
  void givenTwoWorkers_whenTwoServicesAreReported_thenTheyAreWrittenTogether_butOneServiceNeverTwiceAtOnce()
      throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    java.util.concurrent.atomic.AtomicInteger aAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger aMax = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch releaseA = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    ServiceStatusPort port2 = new ForwardingServiceStatusPort(port) {
      @Override
      public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
          ServiceCondition condition) {
        if (service.equals(A)) {
          aMax.accumulateAndGet(aAtOnce.incrementAndGet(), Math::max);
        }
        both.countDown();
        try {
          if (!both.await(5, TimeUnit.SECONDS)) {
            order.add("not together");
          }
          if (service.equals(A) && announcedBy.isPresent()) {
            releaseA.await(5, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        order.add(service.name() + " -> " + announcedBy.map(NodeId::name).orElse("none"));
        if (service.equals(A)) {
          aAtOnce.decrementAndGet();
        }
      }
    };
    try (QueuedAnnouncementReports two = new QueuedAnnouncementReports(port2, failures::add, 2)) {
      two.reportAnnouncement(A, VIPS, Optional.of(N1), UP);
      two.reportAnnouncement(B, VIPS, Optional.of(N1), UP);
      await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("b -> n1")); // B done while A still blocked
      two.reportAnnouncement(A, VIPS, Optional.empty(), DOWN); // A in flight: waits for it, on any worker
      assertThat(two.awaitWritten(Duration.ofMillis(300))).isFalse();
      releaseA.countDown();
      assertThat(two.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(order).containsExactly("b -> n1", "a -> n1", "a -> none");
      assertThat(aMax.get()).isEqualTo(1);
    }
  }

  @Test
  void givenABurstOnFourWorkers_whenIdleLongerThanTheKeepAlive_thenTheWorkersEnd_andLaterReportsStillGetWritten()
      throws Exception {
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    java.util.Set<Thread> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> written = new CopyOnWriteArrayList<>();
    ServiceStatusPort port4 = new ForwardingServiceStatusPort(port) {
      @Override
      public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
          ServiceCondition condition) {
        writers.add(Thread.currentThread());
        fourAtOnce.countDown();
        try {
          fourAtOnce.await(10, TimeUnit.SECONDS); // the first four only return once four are in here together
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.add(service.name());
      }
    };
    try (QueuedAnnouncementReports four = new QueuedAnnouncementReports(port4, failures::add, 4,
        Duration.ofMillis(200))) {
      assertThat(four.liveWorkers()).isZero(); // no threads before there is work
      for (int i = 0; i < 10; i++) {
        four.reportAnnouncement(new ServiceRef("ns", "s" + i, "u-" + i), VIPS, Optional.of(N1), UP);
      }
      assertThat(four.liveWorkers()).isEqualTo(4);
      assertThat(fourAtOnce.await(10, TimeUnit.SECONDS)).as("four reports written at once").isTrue();
      assertThat(four.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(written).hasSize(10);
      assertThat(writers).hasSize(4);

      await().atMost(Duration.ofSeconds(10)).until(() -> four.liveWorkers() == 0
          && writers.stream().noneMatch(Thread::isAlive));

      four.reportAnnouncement(A, VIPS, Optional.of(N1), UP);
      assertThat(four.awaitWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(written).hasSize(11).endsWith("a");
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void givenOtherWrites_whenCalled_thenTheyGoStraightThrough() {
    port.release.countDown();
    reports.recordAllocation(A, VIPS);
    assertThat(port.written).containsExactly("allocation a");
  }

  /** Blocks the first report until released; records what was written, in order. */
  private static final class BlockingPort implements ServiceStatusPort {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> written = new CopyOnWriteArrayList<>();
    volatile String failFor = "";
    volatile int eventWaits;

    @Override
    public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
        ServiceCondition condition) {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (service.name().equals(failFor)) {
        throw new PortException("refused");
      }
      written.add(service.name() + " -> " + announcedBy.map(NodeId::name).orElse("none"));
    }

    @Override
    public void awaitEventsWritten(Duration timeout) {
      eventWaits++;
    }

    @Override
    public void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy) {
      written.add("update " + service.name());
    }

    @Override
    public void setCondition(ServiceRef service, ServiceCondition condition) {
      written.add("condition " + service.name());
    }

    @Override
    public void recordEvent(ServiceRef service, ServiceEvent event) {
      written.add("event " + service.name());
    }

    @Override
    public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
      written.add("allocation " + service.name());
    }

    @Override
    public void recordAllocationFailure(ServiceRef service, String reason) {
      written.add("failure " + service.name());
    }
  }
}
