// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeServiceStatusPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNoticesTest {
  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final ClusterModel model = new ClusterModel();
  private final ServiceNotices notices = new ServiceNotices();

  @BeforeEach
  void watch() {
    cluster.watch().watch(notices.tee(model));
  }

  private FakeServiceStatusPort status() {
    return cluster.status();
  }

  @Test
  void givenServiceOfAnotherClass_whenReportedTwice_thenOneNormalEventNamingTheClass() {
    cluster.watch().ignore(Svc.ref("a", "theirs"), "ignored: spec.loadBalancerClass is 'x.io/lb', expected"
        + " 'kube-vip.io/kube-vip-class'");

    assertThat(notices.unreported()).isTrue();
    assertThat(notices.report(status())).isEqualTo(1);
    assertThat(notices.unreported()).isFalse();
    assertThat(notices.report(status())).isZero();

    assertThat(status().events(Svc.ref("a", "theirs"))).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ServiceEvent.Type.NORMAL);
      assertThat(e.reason()).isEqualTo("ServiceIgnored");
      assertThat(e.message()).contains("'x.io/lb'");
    });
  }

  @Test
  void givenRejectedService_whenReported_thenWarningNamingTheProblem_andOtherServicesStillReachTheModel() {
    cluster.watch().upsert(Svc.of("a", "good").build());
    cluster.watch().reject(Svc.ref("a", "bad"), "spec.externalTrafficPolicy 'Sometimes': expected Cluster or Local");

    notices.report(status());

    assertThat(status().events(Svc.ref("a", "bad"))).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ServiceEvent.Type.WARNING);
      assertThat(e.reason()).isEqualTo("ServiceRejected");
      assertThat(e.message()).contains("spec.externalTrafficPolicy 'Sometimes'");
    });
    assertThat(model.snapshot().services()).containsOnlyKeys("a/good");
    assertThat(status().events(Svc.ref("a", "good"))).isEmpty();
  }

  @Test
  void givenReportedProblem_whenFixedAndBrokenAgain_thenReportedAgain_butDeletedServiceNever() {
    cluster.watch().reject(Svc.ref("a", "bad"), "spec.ports[0].port 0: expected 1..65535");
    notices.report(status());
    cluster.watch().upsert(Svc.of("a", "bad").build());
    cluster.watch().reject(Svc.ref("a", "bad"), "spec.ports[0].port 0: expected 1..65535");
    cluster.watch().reject(Svc.ref("a", "gone"), "spec.ports[0].port 0: expected 1..65535");
    cluster.watch().delete(Svc.ref("a", "gone"));

    notices.report(status());

    assertThat(status().events(Svc.ref("a", "bad"))).hasSize(2);
    assertThat(status().events(Svc.ref("a", "gone"))).isEmpty();
  }

  @Test
  void givenEventWriteFails_whenReported_thenTriedAgainNextTime() {
    cluster.watch().ignore(Svc.ref("a", "theirs"), "ignored: other class");
    assertThat(notices.report(new FailingStatus())).isZero();

    assertThat(notices.report(status())).isEqualTo(1);
  }

  private static final class FailingStatus implements io.kubevip.ports.out.ServiceStatusPort {
    @Override
    public void updateLoadBalancer(io.kubevip.domain.service.ServiceRef s, java.util.List<io.kubevip.domain.address
        .VipAddress> a, java.util.Optional<io.kubevip.domain.node.NodeId> h) {}

    @Override
    public void setCondition(io.kubevip.domain.service.ServiceRef s, io.kubevip.ports.out.ServiceCondition c) {}

    @Override
    public void recordEvent(io.kubevip.domain.service.ServiceRef s, ServiceEvent e) {
      throw new PortException("events forbidden");
    }

    @Override
    public void recordAllocation(io.kubevip.domain.service.ServiceRef s, java.util.List<io.kubevip.domain.address
        .VipAddress> a) {}

    @Override
    public void recordAllocationFailure(io.kubevip.domain.service.ServiceRef s, String reason) {}
  }
}
