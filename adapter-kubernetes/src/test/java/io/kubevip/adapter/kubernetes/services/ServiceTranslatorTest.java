// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.Protocol;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTranslatorTest {
  private static final ServiceWatchSettings DEFAULTS = ServiceWatchSettings.defaults();

  private static ServiceBuilder lb(Map<String, String> annotations) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace("prod").withName("web").withUid("u1").withAnnotations(annotations).endMetadata()
        .withNewSpec().withType("LoadBalancer")
        .addNewPort().withProtocol("TCP").withPort(443).endPort()
        .addNewPort().withProtocol("UDP").withPort(53).endPort()
        .endSpec();
  }

  private static ServiceIntent accepted(Service svc) {
    Translation t = ServiceTranslator.translate(svc, DEFAULTS);
    assertThat(t).isInstanceOf(Translation.Accepted.class);
    return ((Translation.Accepted) t).intent();
  }

  @Test
  void givenFullService_whenTranslated_thenEveryFieldCarried() {
    Service svc = lb(Map.of(
            "kube-vip.io/loadbalancerIPs", "192.0.2.10, 2001:db8::10",
            "kube-vip.io/serviceInterface", "eth1",
            "kube-vip.io/allow-reconcile-without-endpoints", "true"))
        .editSpec().withExternalTrafficPolicy("Local").withIpFamilies("IPv6", "IPv4")
        .withIpFamilyPolicy("RequireDualStack").withLoadBalancerIP("198.51.100.1")
        .withLoadBalancerClass(ServiceWatchSettings.DEFAULT_CLASS).endSpec()
        .build();

    ServiceIntent i = accepted(svc);

    assertThat(i.service()).isEqualTo(new ServiceRef("prod", "web", "u1"));
    assertThat(i.requestedAddresses()).containsExactly("192.0.2.10", "2001:db8::10");
    assertThat(i.ports()).containsExactly(ServicePort.tcp(443), new ServicePort(Protocol.UDP, 53));
    assertThat(i.trafficPolicy()).isEqualTo(ExternalTrafficPolicy.LOCAL);
    assertThat(i.ipFamilies()).containsExactly(IpFamily.IPV6, IpFamily.IPV4);
    assertThat(i.ipFamilyPolicy()).isEqualTo(IpFamilyPolicy.REQUIRE_DUAL_STACK);
    assertThat(i.loadBalancerClass()).contains(ServiceWatchSettings.DEFAULT_CLASS);
    assertThat(i.serviceInterface()).contains("eth1");
    assertThat(i.allowWithoutEndpoints()).isTrue();
    assertThat(i.ignored()).isFalse();
    assertThat(i.sharingKey()).isEmpty();
  }

  @Test
  void givenNoAnnotation_whenTranslated_thenStatusIngressThenSpecLoadBalancerIpUsed() {
    Service withStatus = lb(Map.of()).editSpec().withLoadBalancerIP("198.51.100.1").endSpec()
        .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("203.0.113.7").endIngress().endLoadBalancer()
        .endStatus().build();
    Service specOnly = lb(Map.of()).editSpec().withLoadBalancerIP("198.51.100.1").endSpec().build();

    assertThat(accepted(withStatus).requestedAddresses()).containsExactly("203.0.113.7");
    assertThat(accepted(specOnly).requestedAddresses()).containsExactly("198.51.100.1");
    assertThat(accepted(lb(Map.of()).build()).requestedAddresses()).isEmpty();
  }

  @Test
  void givenIgnoreAnnotation_whenTranslated_thenAcceptedButFlaggedIgnored() {
    assertThat(accepted(lb(Map.of("kube-vip.io/ignore", "true")).build()).ignored()).isTrue();
    assertThat(accepted(lb(Map.of("kube-vip.io/ignore", "false")).build()).ignored()).isFalse();
  }

  @Test
  void givenMinimalService_whenTranslated_thenDefaults() {
    ServiceIntent i = accepted(lb(Map.of()).build());

    assertThat(i.trafficPolicy()).isEqualTo(ExternalTrafficPolicy.CLUSTER);
    assertThat(i.ipFamilies()).containsExactly(IpFamily.IPV4);
    assertThat(i.ipFamilyPolicy()).isEqualTo(IpFamilyPolicy.SINGLE_STACK);
    assertThat(i.serviceInterface()).isEmpty();
    assertThat(i.loadBalancerClass()).isEmpty();
  }

  @Test
  void givenClusterIpService_whenTranslated_thenSkippedWithReason() {
    Service svc = lb(Map.of()).editSpec().withType("ClusterIP").endSpec().build();

    assertThat(ServiceTranslator.translate(svc, DEFAULTS)).isInstanceOfSatisfying(Translation.Skipped.class,
        s -> assertThat(s.reason()).isEqualTo(SkipReason.NOT_LOAD_BALANCER));
  }

  @Test
  void givenBadValues_whenTranslated_thenRejectedNamingFieldAndValue() {
    assertRejected(lb(Map.of()).editSpec().withExternalTrafficPolicy("Sometimes").endSpec().build(),
        "spec.externalTrafficPolicy 'Sometimes': expected Cluster or Local");
    assertRejected(lb(Map.of()).editSpec().withIpFamilies("IPv5").endSpec().build(),
        "spec.ipFamilies entry 'IPv5': expected IPv4 or IPv6");
    assertRejected(lb(Map.of()).editSpec().withIpFamilyPolicy("Maybe").endSpec().build(),
        "spec.ipFamilyPolicy 'Maybe'");
    assertRejected(lb(Map.of()).editSpec().addNewPort().withProtocol("QUIC").withPort(1).endPort().endSpec().build(),
        "spec.ports[2].protocol 'QUIC': expected TCP, UDP or SCTP");
    assertRejected(lb(Map.of()).editSpec().addNewPort().withPort(70000).endPort().endSpec().build(),
        "spec.ports[2]: port 70000: expected 1..65535");
  }

  private static void assertRejected(Service svc, String message) {
    assertThat(ServiceTranslator.translate(svc, DEFAULTS)).isInstanceOfSatisfying(Translation.Rejected.class, r -> {
      assertThat(r.service()).isEqualTo(new ServiceRef("prod", "web", "u1"));
      assertThat(r.problem()).contains(message);
    });
  }

  @Test
  void givenServiceWithoutMetadataOrSpec_whenTranslated_thenNoException() {
    assertThat(ServiceTranslator.translate(new Service(), DEFAULTS)).isInstanceOf(Translation.Skipped.class);
    assertThat(ServiceTranslator.refOf(null)).isEqualTo(new ServiceRef("", "", ""));
    assertThat(Optional.of(ServiceTranslator.translate(new ServiceBuilder().withNewSpec().withType("LoadBalancer")
        .endSpec().build(), DEFAULTS))).get().isInstanceOf(Translation.Accepted.class);
  }
}
