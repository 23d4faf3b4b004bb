// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.ServiceCondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceEditsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.700Z");
  private static final VipAddress V4 = VipAddress.parse("192.0.2.10");

  private static Service live() {
    return new ServiceBuilder().withNewMetadata().withNamespace("prod").withName("web").withGeneration(4L)
        .withAnnotations(Map.of("other", "x")).endMetadata()
        .withNewSpec().withType("LoadBalancer").endSpec().build();
  }

  @Test
  void givenHost_whenSetThenSetAgainThenCleared_thenSecondIsNoChangeAndOtherAnnotationsKept() {
    Service withHost = ServiceEdits.vipHost(live(), Optional.of(NodeId.of("n1"))).orElseThrow();

    assertThat(withHost.getMetadata().getAnnotations()).containsEntry("kube-vip.io/vipHost", "n1").containsEntry("other", "x");
    assertThat(ServiceEdits.vipHost(withHost, Optional.of(NodeId.of("n1")))).isEmpty();
    assertThat(ServiceEdits.vipHost(withHost, Optional.empty()).orElseThrow().getMetadata().getAnnotations())
        .doesNotContainKey("kube-vip.io/vipHost").containsEntry("other", "x");
    assertThat(ServiceEdits.vipHost(live(), Optional.empty())).isEmpty();
  }

  @Test
  void givenEdit_whenApplied_thenLiveObjectUntouched() {
    Service live = live();
    ServiceEdits.vipHost(live, Optional.of(NodeId.of("n1")));
    ServiceEdits.ingress(live, List.of(V4));

    assertThat(live.getMetadata().getAnnotations()).doesNotContainKey("kube-vip.io/vipHost");
    assertThat(live.getStatus()).isNull();
  }

  @Test
  void givenAddressesWithDhcpMarker_whenIngressWritten_thenMarkerLeftOutAndOrderKept() {
    VipAddress v6 = VipAddress.parse("2001:db8::1");
    Service s = ServiceEdits.ingress(live(), List.of(v6, VipAddress.dhcpMarker(IpFamily.IPV4), V4)).orElseThrow();

    assertThat(s.getStatus().getLoadBalancer().getIngress()).extracting(i -> i.getIp())
        .containsExactly("2001:db8::1", "192.0.2.10");
    assertThat(ServiceEdits.ingress(s, List.of(v6, V4))).isEmpty();
    assertThat(ServiceEdits.ingress(s, List.of(V4, v6))).isPresent();
  }

  @Test
  void givenAllocation_whenWritten_thenCommaListAndLabel_andAgainNoChange() {
    Service s = ServiceEdits.allocation(live(), List.of(V4, VipAddress.parse("2001:db8::1"))).orElseThrow();

    assertThat(s.getMetadata().getAnnotations()).containsEntry("kube-vip.io/loadbalancerIPs", "192.0.2.10,2001:db8::1");
    assertThat(s.getMetadata().getLabels()).containsEntry("implementation", "kube-vip");
    assertThat(ServiceEdits.allocation(s, List.of(V4, VipAddress.parse("2001:db8::1")))).isEmpty();
  }

  @Test
  void givenCondition_whenWritten_thenObservedGenerationAndSecondsTimestamp() {
    Service s = ServiceEdits.condition(live(), new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "ok"), T0)
        .orElseThrow();

    var c = s.getStatus().getConditions().get(0);
    assertThat(c.getObservedGeneration()).isEqualTo(4L);
    assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(ServiceEdits.condition(s, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "ok"), T0))
        .isEmpty();
  }

  @Test
  void givenConditionAtOldGeneration_whenSpecChanged_thenRewrittenWithNewGeneration() {
    Service s = ServiceEdits.condition(live(), new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "ok"), T0)
        .orElseThrow();
    s.getMetadata().setGeneration(5L);

    Service again = ServiceEdits.condition(s, new ServiceCondition("kube-vip.io/Announced", true, "Assigned", "ok"),
        T0.plusSeconds(60)).orElseThrow();

    assertThat(again.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getObservedGeneration()).isEqualTo(5L);
      assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "KeptSticky|KeptSticky",
      "no eligible node|NoEligibleNode",
      "pool-exhausted|PoolExhausted",
      "42 reasons|R42Reasons",
      "ASSIGNED_TO_SELF|ASSIGNED_TO_SELF",
      "'   '|Unknown"})
  void givenReason_whenSanitized_thenValidConditionReason(String in, String out) {
    assertThat(ConditionReasons.sanitize(in)).isEqualTo(out);
  }
}
