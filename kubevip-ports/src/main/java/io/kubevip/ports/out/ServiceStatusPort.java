// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Optional;

/**
 * Writes what we did back to a Service: {@code status.loadBalancer.ingress}, the announcing node (kube-vip's
 * {@code kube-vip.io/vipHost} annotation, read back as current owners for placement), conditions and Events.
 *
 * <p>Caller: use-case services. Threading: thread-safe. Idempotency: writing the same ingress, host or
 * condition again changes nothing (the adapter compares before it patches); each {@code recordEvent} is a new
 * Event (the API server aggregates repeats). A Service that no longer exists is ignored, not an error.
 */
public interface ServiceStatusPort {
  /** Sets ingress to {@code addresses} in order and the announcing node (empty: clear the annotation). */
  void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy);

  /** Adds or replaces the condition of the same type. */
  void setCondition(ServiceRef service, ServiceCondition condition);

  void recordEvent(ServiceRef service, ServiceEvent event);

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
