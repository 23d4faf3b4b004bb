// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.retry.RetryConfig;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceStatusPort} on the API server. What it writes, where kube-vip users look for it:
 * <ul>
 *   <li>{@code status.loadBalancer.ingress[].ip} (status subresource) and annotation {@code kube-vip.io/vipHost};
 *   <li>{@code status.conditions[]} (e.g. {@code kube-vip.io/Announced}) with reason, message, observedGeneration;
 *   <li>core/v1 Events ({@code source.component: kube-vip}, {@code source.host}: this node), repeats aggregated;
 *   <li>{@link #recordAllocation}: annotation {@code kube-vip.io/loadbalancerIPs} and label
 *       {@code implementation: kube-vip}, as kube-vip-cloud-provider writes them.
 * </ul>
 * Every write is compare-write with a resourceVersion: nothing is sent when the Service already says it, and a 409
 * re-reads and retries (Resilience4j, bounded). A Service that does not exist is skipped.
 *
 * <p>Threading: thread-safe; Service writes block on the API server, Events are queued and written by one daemon
 * thread (bounded, oldest dropped when full) so that a burst of Services does not wait on Event POSTs.
 * {@link #close()} writes what is still queued (for a short while) and stops that thread.
 */
public final class KubernetesServiceStatus implements ServiceStatusPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesServiceStatus.class);

  private final ServiceWriter writer;
  private final EventRecorder events;
  private final EventQueue eventQueue;
  private final Clock clock;

  /**
   * @param client API client
   * @param reportingNode this node: the Events' {@code source.host} / {@code reportingInstance}
   */
  public KubernetesServiceStatus(KubernetesClient client, NodeId reportingNode) {
    this(client, reportingNode, new ServiceCopies());
  }

  /** Sharing {@code copies} with the {@link KubernetesClusterWatch} of the same process. */
  public KubernetesServiceStatus(KubernetesClient client, NodeId reportingNode, ServiceCopies copies) {
    this(client, reportingNode, Clock.systemUTC(), ServiceWriter.CONFLICT_RETRY, ref -> {}, copies);
  }

  /** For tests: a fixed clock, and a hook run between each read and its write (to provoke a conflict). */
  KubernetesServiceStatus(KubernetesClient client, NodeId reportingNode, Clock clock, RetryConfig retry,
      Consumer<ServiceRef> beforeWrite) {
    this(client, reportingNode, clock, retry, beforeWrite, new ServiceCopies());
  }

  KubernetesServiceStatus(KubernetesClient client, NodeId reportingNode, Clock clock, RetryConfig retry,
      Consumer<ServiceRef> beforeWrite, ServiceCopies copies) {
    Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = new ServiceWriter(client, retry, beforeWrite, Objects.requireNonNull(copies, "copies"));
    this.events = new EventRecorder(client, reportingNode.name(), clock);
    this.eventQueue = new EventQueue(EventQueue.DEFAULT_CAPACITY, "kubevip-service-events");
  }

  @Override
  public void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy) {
    writer.apply(service, ServiceWriter.Part.METADATA, "setting annotation kube-vip.io/vipHost",
        live -> ServiceEdits.vipHost(live, announcedBy));
    writer.apply(service, ServiceWriter.Part.STATUS, "setting status.loadBalancer.ingress",
        live -> ServiceEdits.ingress(live, addresses));
  }

  @Override
  public void setCondition(ServiceRef service, ServiceCondition condition) {
    writer.apply(service, ServiceWriter.Part.STATUS, "setting condition " + condition.type(),
        live -> ServiceEdits.condition(live, condition, clock.instant()));
  }

  /**
   * After announcing (or withdrawing): {@code kube-vip.io/vipHost} in one metadata write, then ingress and the
   * condition together in one status write — two requests instead of three reads and three writes.
   */
  @Override
  public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
      ServiceCondition condition) {
    writer.apply(service, ServiceWriter.Part.METADATA, "setting annotation kube-vip.io/vipHost",
        live -> ServiceEdits.vipHost(live, announcedBy));
    writer.apply(service, ServiceWriter.Part.STATUS, "setting status.loadBalancer.ingress and condition "
        + condition.type(), live -> {
          Optional<Service> withIngress = ServiceEdits.ingress(live, addresses);
          Optional<Service> withBoth = ServiceEdits.condition(withIngress.orElse(live), condition, clock.instant());
          return withBoth.isPresent() ? withBoth : withIngress;
        });
  }

  /** Queued: written by the Event thread, never blocking the caller on the API server. */
  @Override
  public void recordEvent(ServiceRef service, ServiceEvent event) {
    Instant at = clock.instant();
    eventQueue.submit(() -> write(service, event, at));
  }

  private void write(ServiceRef service, ServiceEvent event, Instant at) {
    ServiceRef withUid = service;
    if (service.uid().isEmpty()) {
      Service live;
      try {
        live = writer.read(service);
      } catch (KubernetesClientException e) {
        LOG.warn("Event {} on Service {} not recorded: HTTP {} {}", event.reason(), service, e.getCode(), e.getMessage());
        return;
      }
      if (live == null) {
        LOG.debug("Event {} not recorded: Service {} does not exist", event.reason(), service);
        return;
      }
      withUid = new ServiceRef(service.namespace(), service.name(), live.getMetadata().getUid());
    }
    events.record(withUid, event, at);
  }

  /**
   * Makes an allocation durable on the Service: annotation {@code kube-vip.io/loadbalancerIPs} (comma list) and label
   * {@code implementation: kube-vip}; records an {@code AddressAllocated} Event when that changed anything.
   *
   * @throws PortException when the API refuses the write
   */
  @Override
  public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
    if (writer.apply(service, ServiceWriter.Part.METADATA, "setting annotation kube-vip.io/loadbalancerIPs",
        live -> ServiceEdits.allocation(live, addresses))) {
      recordEvent(service, ServiceEvent.normal("AddressAllocated", "allocated "
          + addresses.stream().map(VipAddress::hostText).collect(Collectors.joining(", "))));
    }
  }

  /** A Warning {@code AllocationFailed} Event with the allocator's reason (e.g. pool exhausted), aggregated. */
  @Override
  public void recordAllocationFailure(ServiceRef service, String reason) {
    recordEvent(service, ServiceEvent.warning("AllocationFailed", reason));
  }

  /** Waits (at most {@code timeout}) until the Events queued so far are written; the queue stays open. */
  @Override
  public void awaitEventsWritten(Duration timeout) {
    if (!eventQueue.awaitIdle(timeout)) {
      LOG.warn("{} Service Events still queued after {} ms", eventQueue.pending(), timeout.toMillis());
    }
  }

  /** Writes the Events still queued, waiting at most two seconds, and stops the Event thread. */
  @Override
  public void close() {
    eventQueue.close();
  }

  /** Events queued or being written: for tests. */
  int pendingEvents() {
    return eventQueue.pending();
  }

  /** Writes that hit a 409 and then succeeded after re-reading. */
  long writesRetriedAfterConflict() {
    return writer.succeededAfterConflict();
  }
}
