// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpFamilyTest {
  @Test
  void givenKubernetesNames_whenParsed_thenFamilyOrEmpty() {
    assertThat(IpFamily.fromKubernetesName("IPv4")).contains(IpFamily.IPV4);
    assertThat(IpFamily.fromKubernetesName("ipv6")).contains(IpFamily.IPV6);
    assertThat(IpFamily.fromKubernetesName("IPv5")).isEmpty();
    assertThat(IpFamily.IPV6.kubernetesName()).isEqualTo("IPv6");
    assertThat(IpFamily.IPV4.bits()).isEqualTo(32);
    assertThat(IpFamily.IPV6.bits()).isEqualTo(128);
  }
}
