// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceFilterTest {
  private static final String OURS = ServiceWatchSettings.DEFAULT_CLASS;

  /** type, class, lbClassOnly, legacy, expected reason (null = selected). */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("LoadBalancer", null, false, true, null),
        Arguments.of("LoadBalancer", "", false, true, null),
        Arguments.of("LoadBalancer", OURS, false, true, null),
        Arguments.of("LoadBalancer", "metallb.io/metallb", false, true, SkipReason.OTHER_CLASS),
        Arguments.of("LoadBalancer", null, true, true, SkipReason.NO_CLASS),
        Arguments.of("LoadBalancer", OURS, true, true, null),
        Arguments.of("LoadBalancer", "metallb.io/metallb", true, true, SkipReason.OTHER_CLASS),
        Arguments.of("LoadBalancer", null, false, false, SkipReason.NO_CLASS),
        Arguments.of("LoadBalancer", OURS, false, false, null),
        Arguments.of("LoadBalancer", "metallb.io/metallb", false, false, SkipReason.OTHER_CLASS),
        Arguments.of("ClusterIP", null, false, true, SkipReason.NOT_LOAD_BALANCER),
        Arguments.of("NodePort", OURS, false, true, SkipReason.NOT_LOAD_BALANCER),
        Arguments.of("ExternalName", null, false, true, SkipReason.NOT_LOAD_BALANCER),
        Arguments.of(null, null, false, true, SkipReason.NOT_LOAD_BALANCER));
  }

  @ParameterizedTest(name = "type={0} class={1} classOnly={2} legacy={3} -> {4}")
  @MethodSource("table")
  void givenServiceAndSettings_whenSelected_thenDecisionAndReason(String type, String cls, boolean classOnly,
      boolean legacy, SkipReason expected) {
    ServiceWatchSettings settings = ServiceWatchSettings.defaults().withClassHandling(classOnly, OURS, legacy);

    Selection s = ServiceFilter.select(settings, type, cls);

    if (expected == null) {
      assertThat(s).isInstanceOf(Selection.Selected.class);
    } else {
      assertThat(s).isInstanceOfSatisfying(Selection.Skipped.class, k -> assertThat(k.reason()).isEqualTo(expected));
    }
  }

  @ParameterizedTest(name = "class={0}")
  @MethodSource("nonLegacyEmptyName")
  void givenNonLegacyWithEmptyClassName_whenSelected_thenOnlyServicesWithoutClassMatch(String cls, boolean selected) {
    ServiceWatchSettings settings = ServiceWatchSettings.defaults().withClassHandling(false, "", false);

    assertThat(ServiceFilter.select(settings, "LoadBalancer", cls) instanceof Selection.Selected).isEqualTo(selected);
  }

  static Stream<Arguments> nonLegacyEmptyName() {
    return Stream.of(Arguments.of(null, true), Arguments.of(OURS, false));
  }

  @org.junit.jupiter.api.Test
  void givenOtherClass_whenSkipped_thenDetailNamesSeenAndExpectedClass() {
    Selection s = ServiceFilter.select(ServiceWatchSettings.defaults(), "LoadBalancer", "metallb.io/metallb");

    assertThat(((Selection.Skipped) s).detail())
        .isEqualTo("spec.loadBalancerClass is 'metallb.io/metallb', expected 'kube-vip.io/kube-vip-class'");
  }
}
