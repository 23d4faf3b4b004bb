// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ServiceStatusPort} must do; the hooks read back what the port wrote. */
public abstract class ServiceStatusPortContract<P extends ServiceStatusPort> {
  protected static final VipAddress V4 = VipAddress.parse("192.0.2.10");
  protected static final VipAddress V6 = VipAddress.parse("2001:db8::10");
  protected static final NodeId NODE = NodeId.of("node-a");
  protected P port;

  protected abstract P createPort();

  /** A Service that exists in the backend of {@code port}. */
  protected abstract ServiceRef existingService(P port);

  protected abstract List<VipAddress> observedIngress(P port, ServiceRef service);

  protected abstract Optional<NodeId> observedHost(P port, ServiceRef service);

  protected abstract List<ServiceCondition> observedConditions(P port, ServiceRef service);

  protected abstract List<ServiceEvent> observedEvents(P port, ServiceRef service);

  /** The addresses in the Service's {@code kube-vip.io/loadbalancerIPs}, in order; empty when none. */
  protected abstract List<VipAddress> observedAllocation(P port, ServiceRef service);

  @BeforeEach
  void createPortUnderTest() {
    port = createPort();
  }

  @Test
  void givenService_whenLoadBalancerUpdated_thenIngressInOrderAndHostReadBack() {
    ServiceRef s = existingService(port);
    port.updateLoadBalancer(s, List.of(V4, V6), Optional.of(NODE));
    await().until(() -> observedIngress(port, s).equals(List.of(V4, V6)));
    assertThat(observedHost(port, s)).contains(NODE);
  }

  @Test
  void givenWrittenStatus_whenWrittenAgainOrCleared_thenLastWriteWins() {
    ServiceRef s = existingService(port);
    port.updateLoadBalancer(s, List.of(V4), Optional.of(NODE));
    port.updateLoadBalancer(s, List.of(V4), Optional.of(NODE));
    port.updateLoadBalancer(s, List.of(), Optional.empty());
    await().until(() -> observedIngress(port, s).isEmpty());
    assertThat(observedHost(port, s)).isEmpty();
  }

  @Test
  void givenService_whenAnnouncementReported_thenIngressHostAndConditionReadBack() {
    ServiceRef s = existingService(port);
    port.setCondition(s, new ServiceCondition("kube-vip.io/Other", true, "Fine", ""));
    ServiceCondition announced = new ServiceCondition("kube-vip.io/Announced", true, "Announced", "on node-a");
    port.reportAnnouncement(s, List.of(V4), Optional.of(NODE), announced);
    await().until(() -> observedIngress(port, s).equals(List.of(V4)));
    assertThat(observedHost(port, s)).contains(NODE);
    assertThat(observedConditions(port, s)).hasSize(2).contains(announced);

    port.reportAnnouncement(s, List.of(), Optional.empty(),
        new ServiceCondition("kube-vip.io/Announced", false, "Withdrawn", ""));
    await().until(() -> observedIngress(port, s).isEmpty());
    assertThat(observedHost(port, s)).isEmpty();
    assertThat(observedConditions(port, s)).contains(
        new ServiceCondition("kube-vip.io/Announced", false, "Withdrawn", ""));
  }

  @Test
  void givenCondition_whenSameTypeSetAgain_thenReplacedAndOtherTypesKept() {
    ServiceRef s = existingService(port);
    port.setCondition(s, new ServiceCondition("kube-vip.io/Announced", false, "Pending", "waiting"));
    port.setCondition(s, new ServiceCondition("kube-vip.io/Other", true, "Fine", ""));
    port.setCondition(s, new ServiceCondition("kube-vip.io/Announced", true, "KeptSticky", "on node-a"));
    await().until(() -> observedConditions(port, s).size() == 2);
    assertThat(observedConditions(port, s)).contains(
        new ServiceCondition("kube-vip.io/Announced", true, "KeptSticky", "on node-a"));
  }

  @Test
  void givenService_whenEventsRecorded_thenEachIsObserved() {
    ServiceRef s = existingService(port);
    port.recordEvent(s, ServiceEvent.normal("VipAnnounced", "192.0.2.10 on node-a"));
    port.recordEvent(s, ServiceEvent.warning("VipNotAnnounced", "no eligible node"));
    await().until(() -> observedEvents(port, s).size() >= 2);
    assertThat(observedEvents(port, s)).extracting(ServiceEvent::reason).contains("VipAnnounced", "VipNotAnnounced");
  }

  @Test
  void givenMissingService_whenWritten_thenIgnoredWithoutError() {
    ServiceRef gone = new ServiceRef("default", "no-such-service-kv", "");
    port.updateLoadBalancer(gone, List.of(V4), Optional.of(NODE));
    port.setCondition(gone, new ServiceCondition("kube-vip.io/Announced", true, "KeptSticky", ""));
    port.recordEvent(gone, ServiceEvent.normal("VipAnnounced", ""));
    assertThat(observedIngress(port, existingService(port))).doesNotContain(V4);
  }

  @Test
  void givenService_whenAllocationRecorded_thenAnnotationInOrderAndAllocatedEvent() {
    ServiceRef s = existingService(port);
    port.recordAllocation(s, List.of(V4, V6));
    await().until(() -> observedAllocation(port, s).equals(List.of(V4, V6)));
    await().until(() -> observedEvents(port, s).stream().anyMatch(e -> e.reason().equals("AddressAllocated")));
  }

  @Test
  void givenService_whenAllocationFails_thenWarningEventCarriesTheReason() {
    ServiceRef s = existingService(port);
    port.recordAllocationFailure(s, "every IPv4 address of cidr-global is in use");
    await().until(() -> observedEvents(port, s).stream().anyMatch(e -> e.reason().equals("AllocationFailed")
        && e.type() == ServiceEvent.Type.WARNING && e.message().contains("cidr-global is in use")));
    assertThat(observedAllocation(port, s)).isEmpty();
  }
}
