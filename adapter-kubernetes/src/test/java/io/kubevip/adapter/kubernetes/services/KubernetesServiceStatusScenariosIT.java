// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.ports.out.PortException;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MockKubernetesApi(crud = true)
class KubernetesServiceStatusScenariosIT {
  private static final VipAddress V4 = VipAddress.parse("192.0.2.10");
  private static final VipAddress V6 = VipAddress.parse("2001:db8::10");
  private static final NodeId NODE = NodeId.of("node-a");

  KubernetesClient client;
  KubernetesMockServer server;
  private StatusReader reader;
  private ServiceRef web;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final List<KubernetesServiceStatus> ports = new ArrayList<>();

  @BeforeEach
  void createService() {
    reader = new StatusReader(client);
    web = reader.ensureService("prod", "web");
  }

  @AfterEach
  void closePorts() {
    ports.forEach(KubernetesServiceStatus::close);
  }

  private KubernetesServiceStatus port(Consumer<ServiceRef> beforeWrite) {
    KubernetesServiceStatus port = new KubernetesServiceStatus(client, NODE, clock, ServiceWriter.CONFLICT_RETRY,
        beforeWrite);
    ports.add(port);
    return port;
  }

  /** Events are written by the port's Event thread: wait until it has written what was queued. */
  private static void eventsWritten(KubernetesServiceStatus port) {
    await().atMost(Duration.ofSeconds(20)).until(() -> port.pendingEvents() == 0);
  }

  private KubernetesServiceStatus port() {
    return port(ref -> {});
  }

  private String resourceVersion() {
    return reader.get(web).getMetadata().getResourceVersion();
  }

  @Test
  void givenConcurrentWriterBetweenReadAndWrite_whenHostWritten_thenConflictRetriedAndBothChangesKept() {
    AtomicInteger writes = new AtomicInteger();
    KubernetesServiceStatus port = port(ref -> {
      if (writes.getAndIncrement() == 0) { // someone else edits the Service after our read: our write is now stale
        client.services().inNamespace("prod").withName("web")
            .edit(s -> { s.getMetadata().getLabels().put("team", "blue"); return s; });
      }
    });

    port.updateLoadBalancer(web, List.of(V4), Optional.of(NODE));

    Service live = reader.get(web);
    assertThat(port.writesRetriedAfterConflict()).isEqualTo(1);
    assertThat(live.getMetadata().getLabels()).containsEntry("team", "blue");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("kube-vip.io/vipHost", "node-a");
    assertThat(reader.ingress(web)).containsExactly(V4);
  }

  @Test
  void givenStatusWriteRefusedWithConflict_whenConditionSet_thenReReadAndRetried() {
    // The CRUD mock does not check resourceVersion on the status subresource (a real API server does), so the 409 is
    // scripted here: one refusal, then the CRUD store answers.
    server.expect().put().withPath("/api/v1/namespaces/prod/services/web/status")
        .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("the object has been modified")
            .build())
        .once();
    KubernetesServiceStatus port = port();

    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "on node-a"));

    assertThat(port.writesRetriedAfterConflict()).isEqualTo(1);
    assertThat(reader.conditions(web)).containsExactly(
        new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "on node-a"));
  }

  @Test
  void givenConflictOnEveryAttempt_whenWritten_thenPortExceptionNamesWhatAndService() {
    server.expect().put().withPath("/api/v1/namespaces/prod/services/web/status")
        .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("modified").build())
        .always();
    KubernetesServiceStatus port = port();

    assertThatThrownBy(() -> port.updateLoadBalancer(web, List.of(V4), Optional.empty()))
        .isInstanceOf(PortException.class)
        .hasMessageStartingWith("setting status.loadBalancer.ingress of Service prod/web: HTTP 409");
  }

  @Test
  void givenWrittenStatus_whenSameWrittenAgain_thenNoRequestChangesTheService() {
    KubernetesServiceStatus port = port();
    port.updateLoadBalancer(web, List.of(V4, V6), Optional.of(NODE));
    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "on node-a"));
    port.recordAllocation(web, List.of(V4, V6));
    String rv = resourceVersion();

    port.updateLoadBalancer(web, List.of(V4, V6), Optional.of(NODE));
    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "on node-a"));
    port.recordAllocation(web, List.of(V4, V6));

    eventsWritten(port);
    assertThat(resourceVersion()).isEqualTo(rv);
    assertThat(reader.events(web)).extracting(ServiceEvent::reason).containsExactly("AddressAllocated");
  }

  @Test
  void givenAllocation_whenRecorded_thenAnnotationLabelAndEventReadable() {
    KubernetesServiceStatus port = port();
    port.recordAllocation(web, List.of(V4, V6));
    eventsWritten(port);

    Service live = reader.get(web);
    assertThat(live.getMetadata().getAnnotations()).containsEntry("kube-vip.io/loadbalancerIPs", "192.0.2.10,2001:db8::10");
    assertThat(live.getMetadata().getLabels()).containsEntry("implementation", "kube-vip");
    assertThat(reader.events(web)).containsExactly(
        ServiceEvent.normal("AddressAllocated", "allocated 192.0.2.10, 2001:db8::10"));
  }

  @Test
  void givenCondition_whenMessageChangesThenStatusFlips_thenTransitionTimeMovesOnlyOnFlip() {
    KubernetesServiceStatus port = port();
    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", false, "NoEligibleNode", "waiting"));
    clock.advance(Duration.ofMinutes(1));
    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", false, "NoEligibleNode", "still waiting"));
    Condition afterMessage = rawCondition();
    clock.advance(Duration.ofMinutes(1));
    port.setCondition(web, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "on node-a"));
    Condition afterFlip = rawCondition();

    assertThat(afterMessage.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(afterMessage.getMessage()).isEqualTo("still waiting");
    assertThat(afterFlip.getLastTransitionTime()).isEqualTo("2026-01-01T10:02:00Z");
    assertThat(afterFlip.getStatus()).isEqualTo("True");
    assertThat(afterFlip.getObservedGeneration()).isEqualTo(reader.get(web).getMetadata().getGeneration());
  }

  private Condition rawCondition() {
    return reader.get(web).getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("kube-vip.io/Announced")).findFirst().orElseThrow();
  }

  @Test
  void givenRepeatedEvent_whenRecorded_thenOneEventWithCountAndSourceForDescribe() {
    KubernetesServiceStatus port = port();
    for (int i = 0; i < 3; i++) {
      port.recordEvent(web, ServiceEvent.warning("AllocationFailed", "pool cidr-global exhausted"));
      clock.advance(Duration.ofSeconds(5));
    }
    port.recordEvent(web, ServiceEvent.normal("VipAnnounced", "192.0.2.10 on node-a via eth0"));
    eventsWritten(port);

    List<Event> events = reader.rawEvents(web);
    assertThat(events).hasSize(2);
    Event failed = events.stream().filter(e -> e.getReason().equals("AllocationFailed")).findFirst().orElseThrow();
    assertThat(failed.getCount()).isEqualTo(3);
    assertThat(failed.getType()).isEqualTo("Warning");
    assertThat(failed.getFirstTimestamp()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(failed.getLastTimestamp()).isEqualTo("2026-01-01T10:00:10Z");
    assertThat(failed.getSource().getComponent()).isEqualTo("kube-vip");
    assertThat(failed.getSource().getHost()).isEqualTo("node-a");
    assertThat(failed.getInvolvedObject().getUid()).isEqualTo(web.uid());
    assertThat(failed.getInvolvedObject().getKind()).isEqualTo("Service");
  }

  @Test
  void givenRepeatAfterAggregationWindow_whenRecorded_thenNewEvent() {
    KubernetesServiceStatus port = port();
    port.recordAllocationFailure(web, "no pool for namespace prod");
    clock.advance(EventRecorder.AGGREGATION_WINDOW.plusSeconds(1));
    port.recordAllocationFailure(web, "no pool for namespace prod");
    eventsWritten(port);

    assertThat(reader.rawEvents(web)).hasSize(2).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void givenEventDeletedByTtl_whenRepeated_thenRecreated() {
    KubernetesServiceStatus port = port();
    port.recordEvent(web, ServiceEvent.normal("VipWithdrawn", "192.0.2.10 from node-a"));
    eventsWritten(port);
    client.v1().events().inNamespace("prod").delete();
    port.recordEvent(web, ServiceEvent.normal("VipWithdrawn", "192.0.2.10 from node-a"));
    eventsWritten(port);

    assertThat(reader.rawEvents(web)).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void givenRecreatedService_whenWrittenForOldUid_thenNothingWritten() {
    KubernetesServiceStatus port = port();
    ServiceRef old = new ServiceRef("prod", "web", "some-older-uid");

    port.updateLoadBalancer(old, List.of(V4), Optional.of(NODE));

    assertThat(reader.ingress(web)).isEmpty();
    assertThat(reader.host(web)).isEmpty();
  }

  /** Service requests (method and path) the mock server received since the last call. */
  private List<String> serviceRequests() throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (var r = server.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS); r != null;
        r = server.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (r.getPath().contains("/services/")) {
        out.add(r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""));
      }
    }
    return out;
  }

  @Test
  void givenAllocatedService_whenAnnouncementReported_thenOneMetadataAndOneStatusWriteWithoutReads()
      throws InterruptedException {
    KubernetesServiceStatus port = port();
    serviceRequests();

    port.recordAllocation(web, List.of(V4));
    port.reportAnnouncement(web, List.of(V4), Optional.of(NODE),
        new ServiceCondition("kube-vip.io/Announced", true, "Announced", "on node-a"));
    eventsWritten(port);

    assertThat(serviceRequests()).containsExactly(
        "GET /api/v1/namespaces/prod/services/web",
        "PUT /api/v1/namespaces/prod/services/web",
        "PUT /api/v1/namespaces/prod/services/web",
        "PUT /api/v1/namespaces/prod/services/web/status");
    assertThat(reader.host(web)).contains(NODE);
    assertThat(reader.ingress(web)).containsExactly(V4);
    assertThat(reader.conditions(web)).containsExactly(
        new ServiceCondition("kube-vip.io/Announced", true, "Announced", "on node-a"));
  }

  @Test
  void givenRememberedCopyMadeStaleByAnotherWriter_whenWritten_thenConflictReReadAndBothChangesKept() {
    KubernetesServiceStatus port = port();
    port.recordAllocation(web, List.of(V4));
    client.services().inNamespace("prod").withName("web")
        .edit(s -> { s.getMetadata().getLabels().put("team", "blue"); return s; });

    port.updateLoadBalancer(web, List.of(V4), Optional.of(NODE));

    assertThat(port.writesRetriedAfterConflict()).isEqualTo(1);
    Service live = reader.get(web);
    assertThat(live.getMetadata().getLabels()).containsEntry("team", "blue");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("kube-vip.io/vipHost", "node-a")
        .containsEntry("kube-vip.io/loadbalancerIPs", "192.0.2.10");
  }

  @Test
  void givenHostRemovedByAnotherWriter_whenSameHostWrittenAgain_thenWrittenFromAFreshRead() {
    KubernetesServiceStatus port = port();
    port.updateLoadBalancer(web, List.of(V4), Optional.of(NODE));
    client.services().inNamespace("prod").withName("web")
        .edit(s -> { s.getMetadata().getAnnotations().remove("kube-vip.io/vipHost"); return s; });

    port.updateLoadBalancer(web, List.of(V4), Optional.of(NODE));

    assertThat(reader.host(web)).contains(NODE);
  }
}
