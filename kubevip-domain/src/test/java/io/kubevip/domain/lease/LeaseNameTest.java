// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaseNameTest {
  @Test
  void givenBareOrQualifiedName_whenParsed_thenNamespaceDefaultedOrTaken() {
    assertThat(LeaseName.parse("vip_leasename", "plndr-cp-lock", "kube-system"))
        .isEqualTo(new LeaseName("kube-system", "plndr-cp-lock"));
    assertThat(LeaseName.parse("vip_leasename", "infra/plndr-cp-lock", "kube-system"))
        .isEqualTo(new LeaseName("infra", "plndr-cp-lock"));
  }

  @Test
  void givenBadName_whenParsed_thenErrorNamesSettingAndValue() {
    assertThatThrownBy(() -> LeaseName.parse("svc_leasename", "Bad_Name", "default"))
        .hasMessageStartingWith("svc_leasename='Bad_Name': lease name 'Bad_Name'");
    assertThatThrownBy(() -> LeaseName.parse("vip_leasename", "a/b/c", "default"))
        .hasMessageContaining("expected name or namespace/name");
    assertThatThrownBy(() -> LeaseName.parse("vip_leasename", " ", "default")).hasMessageContaining("vip_leasename is empty");
  }
}
