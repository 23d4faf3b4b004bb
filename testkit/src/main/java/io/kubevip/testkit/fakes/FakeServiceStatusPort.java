// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Service status, host annotation, conditions and Events in memory. */
public final class FakeServiceStatusPort implements ServiceStatusPort {
  private final CallLog log = new CallLog();
  private final Map<ServiceRef, List<VipAddress>> ingress = new HashMap<>();
  private final Map<ServiceRef, NodeId> hosts = new HashMap<>();
  private final Map<ServiceRef, Map<String, ServiceCondition>> conditions = new HashMap<>();
  private final Map<ServiceRef, List<ServiceEvent>> events = new HashMap<>();
  private final Map<ServiceRef, List<VipAddress>> allocations = new HashMap<>();
  private BiConsumer<ServiceRef, List<VipAddress>> allocationListener = (s, a) -> {};
  private BiConsumer<ServiceRef, Optional<NodeId>> hostListener = (s, h) -> {};

  @Override
  public synchronized void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy) {
    log.record(RecordedCall.of("status.updateLoadBalancer", service, List.copyOf(addresses), announcedBy));
    ingress.put(service, List.copyOf(addresses));
    announcedBy.ifPresentOrElse(n -> hosts.put(service, n), () -> hosts.remove(service));
    hostListener.accept(service, announcedBy);
  }

  @Override
  public synchronized void setCondition(ServiceRef service, ServiceCondition condition) {
    log.record(RecordedCall.of("status.setCondition", service, condition));
    conditions.computeIfAbsent(service, k -> new TreeMap<>()).put(condition.type(), condition);
  }

  @Override
  public synchronized void recordEvent(ServiceRef service, ServiceEvent event) {
    log.record(RecordedCall.of("status.recordEvent", service, event));
    events.computeIfAbsent(service, k -> new ArrayList<>()).add(event);
  }

  @Override
  public synchronized void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
    log.record(RecordedCall.of("status.recordAllocation", service, List.copyOf(addresses)));
    List<VipAddress> before = allocations.put(service, List.copyOf(addresses));
    if (!addresses.equals(before)) {
      events.computeIfAbsent(service, k -> new ArrayList<>()).add(ServiceEvent.normal("AddressAllocated", "allocated "
          + String.join(", ", addresses.stream().map(VipAddress::hostText).toList())));
    }
    allocationListener.accept(service, List.copyOf(addresses));
  }

  @Override
  public synchronized void recordAllocationFailure(ServiceRef service, String reason) {
    log.record(RecordedCall.of("status.recordAllocationFailure", service, reason));
    events.computeIfAbsent(service, k -> new ArrayList<>()).add(ServiceEvent.warning("AllocationFailed", reason));
  }

  /**
   * Calls {@code listener} (under this fake's lock) after each {@link #recordAllocation}, so a test cluster can turn the
   * written annotation into the Service's requested addresses, as the API server and the watch do.
   */
  public synchronized FakeServiceStatusPort onAllocation(BiConsumer<ServiceRef, List<VipAddress>> listener) {
    this.allocationListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Calls {@code listener} (under this fake's lock) after each host write, as the watch reports {@code vipHost}. */
  public synchronized FakeServiceStatusPort onHostWritten(BiConsumer<ServiceRef, Optional<NodeId>> listener) {
    this.hostListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** The {@code kube-vip.io/loadbalancerIPs} written for {@code service}, empty when none. */
  public synchronized List<VipAddress> allocation(ServiceRef service) {
    return allocations.getOrDefault(service, List.of());
  }

  public synchronized List<VipAddress> ingress(ServiceRef service) {
    return ingress.getOrDefault(service, List.of());
  }

  public synchronized Optional<NodeId> announcedBy(ServiceRef service) {
    return Optional.ofNullable(hosts.get(service));
  }

  public synchronized List<ServiceCondition> conditions(ServiceRef service) {
    return List.copyOf(conditions.getOrDefault(service, Map.of()).values());
  }

  public synchronized List<ServiceEvent> events(ServiceRef service) {
    return List.copyOf(events.getOrDefault(service, List.of()));
  }

  public CallLog log() {
    return log;
  }
}
