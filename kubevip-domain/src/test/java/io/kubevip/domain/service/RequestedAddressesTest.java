// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestedAddressesTest {

  @Test
  void givenAnnotation_whenRead_thenAnnotationWinsTrimmedWithoutEmptiesOrDuplicates() {
    assertThat(RequestedAddresses.read(" 10.0.0.1 ,, fd00::1,10.0.0.1, lb.example.com ", List.of("10.9.9.9"), "10.8.8.8"))
        .containsExactly("10.0.0.1", "fd00::1", "lb.example.com");
  }

  @Test
  void givenBlankAnnotation_whenRead_thenStatusIngress() {
    assertThat(RequestedAddresses.read("  ", Arrays.asList("10.9.9.9", null, " ", "fd00::9"), "10.8.8.8"))
        .containsExactly("10.9.9.9", "fd00::9");
    assertThat(RequestedAddresses.read(" , ", List.of("10.9.9.9"), null)).containsExactly("10.9.9.9");
  }

  @Test
  void givenNoAnnotationNorStatus_whenRead_thenSpecLoadBalancerIp() {
    assertThat(RequestedAddresses.read(null, List.of(), " 10.8.8.8 ")).containsExactly("10.8.8.8");
    assertThat(RequestedAddresses.read(null, null, "10.8.8.8")).containsExactly("10.8.8.8");
  }

  @Test
  void givenNothing_whenRead_thenEmpty() {
    assertThat(RequestedAddresses.read(null, null, null)).isEmpty();
    assertThat(RequestedAddresses.read("", List.of(""), " ")).isEmpty();
  }

  @Test
  void givenDhcpMarkerInAnnotation_whenRead_thenKeptAsText() {
    assertThat(RequestedAddresses.read("0.0.0.0", List.of(), null)).containsExactly("0.0.0.0");
  }
}
