// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.ClusterWatchPort;
import io.kubevip.ports.out.ServiceCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watch and the writes of one process share their copies of a Service: a write starts from the informer's copy
 * (no GET) and the listener has the written object when the write returns, before the watch echoes it.
 */
@MockKubernetesApi(crud = true)
class ServiceCopiesIT {
  private static final VipAddress V4 = VipAddress.parse("192.0.2.10");
  private static final NodeId NODE = NodeId.of("node-a");

  KubernetesClient client;
  KubernetesMockServer server;
  private final ServiceCopies copies = new ServiceCopies();
  private final Seen seen = new Seen();
  private final List<AutoCloseable> open = new ArrayList<>();
  private StatusReader reader;

  /** The latest intent and host per Service key, as the model would hold them. */
  static final class Seen implements ClusterWatchListener {
    final Map<String, ServiceIntent> services = new ConcurrentHashMap<>();
    final Map<String, Optional<NodeId>> hosts = new ConcurrentHashMap<>();
    volatile boolean synced;

    @Override
    public void serviceUpserted(ServiceIntent service) {
      services.put(service.service().key(), service);
    }

    @Override
    public void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {
      hosts.put(service.key(), host);
    }

    @Override
    public void synced() {
      synced = true;
    }
  }

  @BeforeEach
  void watch() {
    reader = new StatusReader(client);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private KubernetesServiceStatus port(Consumer<ServiceRef> beforeWrite) {
    KubernetesServiceStatus port = new KubernetesServiceStatus(client, NODE,
        java.time.Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), java.time.ZoneOffset.UTC),
        ServiceWriter.CONFLICT_RETRY, beforeWrite, copies);
    open.add(port);
    return port;
  }

  private ServiceRef serviceSeenByTheWatch(String name) {
    ServiceRef ref = reader.ensureService("prod", name);
    ClusterWatchPort.Watch w = new KubernetesClusterWatch(client, ServiceWatchSettings.defaults(), copies).watch(seen);
    open.add(w);
    await().atMost(Duration.ofSeconds(20)).until(() -> seen.synced && seen.services.containsKey(ref.key()));
    drainRequests();
    return ref;
  }

  @Test
  void givenAServiceTheWatchHas_whenAllocated_thenNoReadAndTheListenerHasItWhenTheWriteReturns() throws Exception {
    ServiceRef web = serviceSeenByTheWatch("web");
    assertThat(seen.services.get(web.key()).requestedAddresses()).isEmpty();

    port(ref -> {}).recordAllocation(web, List.of(V4));

    assertThat(seen.services.get(web.key()).requestedAddresses()).containsExactly("192.0.2.10"); // no waiting
    assertThat(serviceRequests()).containsExactly("PUT /api/v1/namespaces/prod/services/web");
    assertThat(reader.get(web).getMetadata().getAnnotations()).containsEntry("kube-vip.io/loadbalancerIPs",
        "192.0.2.10");
  }

  @Test
  void givenAnAllocation_whenTheAnnouncementIsReportedRightAfter_thenItEditsTheWrittenCopyWithoutAConflict()
      throws Exception {
    ServiceRef web = serviceSeenByTheWatch("web");
    KubernetesServiceStatus port = port(ref -> {});

    port.recordAllocation(web, List.of(V4));
    port.reportAnnouncement(web, List.of(V4), Optional.of(NODE),
        new ServiceCondition("kube-vip.io/Announced", true, "Announced", "announcing"));

    assertThat(seen.hosts.get(web.key())).contains(NODE);
    assertThat(serviceRequests()).containsExactly("PUT /api/v1/namespaces/prod/services/web",
        "PUT /api/v1/namespaces/prod/services/web", "PUT /api/v1/namespaces/prod/services/web/status");
    Service live = reader.get(web);
    assertThat(live.getMetadata().getAnnotations()).containsEntry("kube-vip.io/loadbalancerIPs", "192.0.2.10")
        .containsEntry("kube-vip.io/vipHost", "node-a");
    assertThat(reader.ingress(web)).containsExactly(V4);
  }

  @Test
  void givenSomeoneWritesBetweenTheWatchAndUs_whenAllocating_thenTheConflictIsReadFreshAndTheirChangeKept() {
    ServiceRef web = serviceSeenByTheWatch("web");
    AtomicBoolean interfered = new AtomicBoolean();
    KubernetesServiceStatus port = port(ref -> {
      if (interfered.compareAndSet(false, true)) { // once: after our edit of the informer's copy, before our PUT
        Service theirs = new ServiceBuilder(reader.get(web)).editMetadata().addToLabels("team", "blue").endMetadata()
            .build();
        client.resource(theirs).update();
      }
    });

    port.recordAllocation(web, List.of(V4));

    Service live = reader.get(web);
    assertThat(live.getMetadata().getLabels()).containsEntry("team", "blue").containsEntry("implementation",
        "kube-vip");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("kube-vip.io/loadbalancerIPs", "192.0.2.10");
    await().atMost(Duration.ofSeconds(20)).until(() -> seen.services.get(web.key()).requestedAddresses()
        .equals(List.of("192.0.2.10")));
  }

  private void drainRequests() {
    try {
      while (server.takeRequest(200, TimeUnit.MILLISECONDS) != null) {
        // requests of the set-up and the initial list/watch
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Requests on single Services (method and path) since the last call. */
  private List<String> serviceRequests() throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (var r = server.takeRequest(200, TimeUnit.MILLISECONDS); r != null;
        r = server.takeRequest(200, TimeUnit.MILLISECONDS)) {
      if (r.getPath().contains("/services/")) {
        out.add(r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""));
      }
    }
    return out;
  }
}
