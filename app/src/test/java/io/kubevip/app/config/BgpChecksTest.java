// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Graceful restart settings: RFC 4724's range and no longer than the lease. */
class BgpChecksTest {
  static final FeatureAvailability ALL = FeatureAvailability.of(Feature.values());

  static Map<String, String> bgp() {
    Map<String, String> env = new HashMap<>(BgpPeerListTest.bgpEnv());
    env.put("bgp_peers", "192.0.2.1:65000");
    return env;
  }

  static List<String> problems(Map<String, String> env, List<PropertyEntry> props) {
    return ConfigValidator.validate(Configs.resolve(env, Map.of(), props).config(), ALL).stream()
        .map(Problem::toString).toList();
  }

  @Test
  void givenRestartTimeWithinLease_whenValidated_thenNoProblem() {
    Map<String, String> env = bgp();
    env.put("kubevip_bgp_graceful_restart", "true");
    env.put("kubevip_bgp_graceful_restart_time", "15");
    assertThat(problems(env, List.of())).isEmpty();
  }

  @Test
  void givenRestartTimeLongerThanLease_whenValidated_thenProblemNamesBothSettings() {
    Map<String, String> env = bgp();
    env.put("kubevip_bgp_graceful_restart", "true");
    env.put("kubevip_bgp_graceful_restart_time", "30");
    assertThat(problems(env, List.of())).containsExactly("kubevip_bgp_graceful_restart_time: '30' is longer than"
        + " vip_leaseduration (15s); expected at most the lease duration, so routers drop a dead node's routes no"
        + " later than another node takes over");
  }

  @Test
  void givenRestartTimeOutsideRfcRange_whenValidated_thenNotAllowed() {
    Map<String, String> env = bgp();
    env.put("vip_leaseduration", "5000");
    env.put("vip_renewdeadline", "4000");
    env.put("kubevip_bgp_graceful_restart_time", "4096");
    assertThat(problems(env, List.of())).containsExactly(
        "kubevip_bgp_graceful_restart_time: '4096' is not allowed; expected 1..4095 whole seconds (RFC 4724)");
  }

  @Test
  void givenSubSecondRestartTimeProperty_whenValidated_thenNotAllowed() {
    List<PropertyEntry> props = List.of(new PropertyEntry("kubevip.bgp.graceful-restart.restart-time", "1500ms",
        "./application.yaml"));
    assertThat(problems(bgp(), props)).singleElement().asString().startsWith(
        "kubevip.bgp.graceful-restart.restart-time (in ./application.yaml): '1500ms' is not allowed");
  }

  @Test
  void givenGracefulRestartWithoutTimeAndSubSecondLease_whenValidated_thenAskedForATime() {
    Map<String, String> env = bgp();
    env.put("kubevip_bgp_graceful_restart", "true");
    List<PropertyEntry> props = List.of(
        new PropertyEntry("kubevip.leader-election.lease-duration", "800ms", "./application.yaml"),
        new PropertyEntry("kubevip.leader-election.renew-deadline", "600ms", "./application.yaml"),
        new PropertyEntry("kubevip.leader-election.retry-period", "200ms", "./application.yaml"));
    assertThat(problems(env, props)).singleElement().asString().startsWith(
        "kubevip_bgp_graceful_restart: 'true' needs kubevip_bgp_graceful_restart_time because");
  }
}
