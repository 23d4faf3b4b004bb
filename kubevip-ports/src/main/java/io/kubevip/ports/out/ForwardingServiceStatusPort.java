// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Forwards every call to another port: a decorator (or a test) overrides only the calls it changes, such as
 * {@code io.kubevip.ports.service.QueuedAnnouncementReports} for the reports it writes later.
 */
public class ForwardingServiceStatusPort implements ServiceStatusPort {
  private final ServiceStatusPort delegate;

  public ForwardingServiceStatusPort(ServiceStatusPort delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void updateLoadBalancer(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy) {
    delegate.updateLoadBalancer(service, addresses, announcedBy);
  }

  @Override
  public void setCondition(ServiceRef service, ServiceCondition condition) {
    delegate.setCondition(service, condition);
  }

  @Override
  public void reportAnnouncement(ServiceRef service, List<VipAddress> addresses, Optional<NodeId> announcedBy,
      ServiceCondition condition) {
    delegate.reportAnnouncement(service, addresses, announcedBy, condition);
  }

  @Override
  public boolean reportPending(ServiceRef service) {
    return delegate.reportPending(service);
  }

  @Override
  public void recordEvent(ServiceRef service, ServiceEvent event) {
    delegate.recordEvent(service, event);
  }

  @Override
  public void awaitEventsWritten(Duration timeout) {
    delegate.awaitEventsWritten(timeout);
  }

  @Override
  public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
    delegate.recordAllocation(service, addresses);
  }

  @Override
  public void recordAllocationFailure(ServiceRef service, String reason) {
    delegate.recordAllocationFailure(service, reason);
  }
}
