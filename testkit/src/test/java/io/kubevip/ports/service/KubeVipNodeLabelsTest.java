// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServiceIntent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KubeVipNodeLabelsTest {
  @ParameterizedTest
  @CsvSource({
      "192.0.2.105, 192.0.2.105",
      "2001:db8::105, 20010db8000000000000000000000105",
      "'192.0.2.105,2001:db8::105', 192.0.2.105_20010db8000000000000000000000105",
      "'203.0.113.255,fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 203.0.113.255_fdffffffffffffffffffffffffffffff"})
  void givenAddresses_thenValueIsKubeVipsEncoding_andAValidLabelValue(String addresses, String expected) {
    List<VipAddress> vips = java.util.Arrays.stream(addresses.split(",")).map(VipAddress::parse).toList();
    String value = KubeVipNodeLabels.value(vips);
    assertThat(value).isEqualTo(expected);
    assertThat(KubeVipNodeLabels.validPart(value)).isTrue();
  }

  @Test
  void givenControlPlaneVips_thenLeaderLabelIsHasIp() {
    assertThat(KubeVipNodeLabels.leader(List.of(VipAddress.parse("10.0.0.5"))))
        .containsExactlyEntriesOf(Map.of("kube-vip.io/has-ip", "10.0.0.5"));
    assertThat(KubeVipNodeLabels.leader(List.of())).isEmpty();
  }

  @Test
  void givenAnnouncedVips_thenOneLabelPerServedService_withOnlyTheAnnouncedVipsInServiceOrder() {
    ServiceIntent web = Svc.of("default", "web").requesting("10.0.0.7").build();
    ServiceIntent db = Svc.of("prod", "db").requesting("10.0.0.9").build();
    ServiceIntent dual = Svc.of("default", "dual").requesting("fd00::9", "10.0.0.8")
        .families(IpFamilyPolicy.REQUIRE_DUAL_STACK, IpFamily.IPV6, IpFamily.IPV4).build();
    ClusterState state = state(web, db, dual);

    Map<String, String> labels = KubeVipNodeLabels.servicesProvided(AddressClaims.resolve(state).claims(),
        Set.of(VipAddress.parse("10.0.0.7"), VipAddress.parse("10.0.0.8"), VipAddress.parse("fd00::9")));

    assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of(
        "service-provided.kube-vip.io/web.default", "10.0.0.7",
        "service-provided.kube-vip.io/dual.default", "fd000000000000000000000000000009_10.0.0.8"));
  }

  @Test
  void givenNothingAnnounced_thenNoLabels() {
    ClusterState state = state(Svc.of("default", "web").requesting("10.0.0.7").build());
    assertThat(KubeVipNodeLabels.servicesProvided(AddressClaims.resolve(state).claims(), Set.of())).isEmpty();
  }

  @Test
  void givenNameAndNamespaceLongerThan63_thenTheServiceGetsNoLabel() {
    String longName = "a".repeat(40);
    String longNs = "b".repeat(30);
    ClusterState state = state(Svc.of(longNs, longName).requesting("10.0.0.7").build());
    assertThat(KubeVipNodeLabels.servicesProvided(AddressClaims.resolve(state).claims(),
        Set.of(VipAddress.parse("10.0.0.7")))).isEmpty();
  }

  private static ClusterState state(ServiceIntent... services) {
    Map<String, ServiceIntent> byKey = new TreeMap<>();
    for (ServiceIntent s : services) {
      byKey.put(s.service().key(), s);
    }
    return new ClusterState(byKey, Map.of(), Map.of(), PoolConfig.parse(null), Map.of(), true);
  }
}
