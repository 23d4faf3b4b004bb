// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Writes what we did back to a Service: {@code status.loadBalancer.ingress}, the announcing node (kube-vip's
 * {@code kube-vip.io/vipHost} annotation, read back as current owners for placement), conditions and Events.
 *
 * <p>Caller: use-case services. Threading: thread-safe. Idempotency: writing the same ingress, host or
 * condition again changes nothing (the adapter compares before it writes); each {@code recordEvent} is a new
 * Event (repeats may be aggregated), written eventually rather than before the call returns. A Service that no longer exists is ignored, not an error.
 */
public interface ServiceStatusPort {
  /** Sets ingress to {@code addresses} in order and the announcing node (empty: clear the annotation). */
  void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy);

  /** Adds or replaces the condition of the same type. */
  void setCondition(ServiceRef service, ServiceCondition condition);

  /**
   * What announcing (or withdrawing) changed, in as few writes as the backend allows: ingress and host as
   * {@link #updateLoadBalancer}, and {@code condition} as {@link #setCondition}. Call it only after the addresses are
   * announced (break before make: the host is the claim that this node serves them).
   */
  default void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
      ServiceCondition condition) {
    updateLoadBalancer(service, addresses, announcedBy);
    setCondition(service, condition);
  }

  /**
   * True while a {@link #reportAnnouncement} for {@code service} was accepted but is not written yet (ports that write
   * reports later); the caller then does not report it again. Ports that write at once answer false.
   */
  default boolean reportPending(ServiceRef service) {
    return false;
  }

  /** May be written later than the call returns (adapters queue Events): readers see it eventually. */
  void recordEvent(ServiceRef service, ServiceEvent event);

  /**
   * Waits, at most {@code timeout}, until the Events recorded so far are written: at shutdown, so the last Events are
   * not lost with the process. Backends that write Events at once return immediately.
   */
  default void awaitEventsWritten(Duration timeout) {}

  /**
   * Makes an allocation durable on the Service as kube-vip-cloud-provider does: annotation
   * {@code kube-vip.io/loadbalancerIPs} (comma list, in order) and label {@code implementation: kube-vip}, plus an
   * {@code AddressAllocated} Event when that changed anything. The Service itself is the only allocation state.
   *
   * @throws PortException when the write is refused (the allocator retries on its next pass)
   */
  void recordAllocation(ServiceRef service, List<VipAddress> addresses);

  /** A Warning {@code AllocationFailed} Event carrying the allocator's reason (pool exhausted, address taken...). */
  void recordAllocationFailure(ServiceRef service, String reason);
}
