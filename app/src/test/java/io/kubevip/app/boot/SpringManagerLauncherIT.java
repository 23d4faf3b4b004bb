// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.Feature;
import io.kubevip.app.config.FeatureAvailability;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The launcher path the manager really uses (not the test initializer): the resolved properties must be in place
 * before logging starts, so kubevip_log_format=json gives JSON lines, and decisions are logged with reasons.
 * Binds only to a random loopback port. An IT so it runs in a JVM where no other Spring context has already
 * initialised logging (Boot does not re-initialise Logback while another context is open).
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringManagerLauncherIT {

  @Test
  void givenJsonLogFormat_whenManagerContextStarts_thenDecisionsAreLoggedAsEcsJson(CapturedOutput output) {
    var config = Configs.config(Map.of("vip_routingtable", "true", "svc_enable", "true",
        "prometheus_server", "127.0.0.1:0", "kubevip_log_format", "json", "vip_nodename", "n1"));
    try (ConfigurableApplicationContext ctx = SpringManagerLauncher.start(config,
        FeatureAvailability.of(Feature.ROUTING_TABLE, Feature.SERVICES))) {
      assertThat(ctx.getEnvironment().getActiveProfiles()).containsExactly("routetable");
      assertThat(ctx.getBean(ModeMarker.class).mode().profile()).isEqualTo("routetable");
    }
    assertThat(output.getOut().lines().filter(l -> l.contains("mode routetable (profile routetable):"
        + " vip_routingtable=true (env)"))).singleElement().asString()
        .startsWith("{").contains("\"level\":\"INFO\"").contains("\"ecs\":{\"version\"")
        .contains("\"service\":{\"name\":\"kubevip\",\"version\":\"" + io.kubevip.app.BuildInfo.load().version() + "\"");
    assertThat(output.getOut()).contains("log format json: kubevip_log_format=json (env)");
  }
}
