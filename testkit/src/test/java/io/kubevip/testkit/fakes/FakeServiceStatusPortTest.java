// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.contract.ServiceStatusPortContract;
import java.util.List;
import java.util.Optional;

class FakeServiceStatusPortTest extends ServiceStatusPortContract<FakeServiceStatusPort> {
  @Override
  protected FakeServiceStatusPort createPort() {
    return new FakeServiceStatusPort();
  }

  @Override
  protected ServiceRef existingService(FakeServiceStatusPort port) {
    return new ServiceRef("default", "web", "uid-web");
  }

  @Override
  protected List<VipAddress> observedIngress(FakeServiceStatusPort port, ServiceRef service) {
    return port.ingress(service);
  }

  @Override
  protected Optional<NodeId> observedHost(FakeServiceStatusPort port, ServiceRef service) {
    return port.announcedBy(service);
  }

  @Override
  protected List<ServiceCondition> observedConditions(FakeServiceStatusPort port, ServiceRef service) {
    return port.conditions(service);
  }

  @Override
  protected List<ServiceEvent> observedEvents(FakeServiceStatusPort port, ServiceRef service) {
    return port.events(service);
  }

  @Override
  protected List<VipAddress> observedAllocation(FakeServiceStatusPort port, ServiceRef service) {
    return port.allocation(service);
  }
}
