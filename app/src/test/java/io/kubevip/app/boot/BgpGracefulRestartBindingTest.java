// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.bgp.BgpTranslation;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.settings.BgpSettings;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** From resolved settings through Spring's binder to the speaker's config, as the manager does it. */
class BgpGracefulRestartBindingTest {
  static BgpSettings bind(Map<String, String> env) {
    Map<String, Object> props = ResolvedPropertySource.properties(Configs.config(env));
    KubevipProperties p = new Binder(new MapConfigurationPropertySource(props))
        .bind("kubevip", Bindable.of(KubevipProperties.class)).get();
    return SettingsConfiguration.toSettings(p, DataPlaneMode.BGP).bgp();
  }

  static Map<String, String> bgp() {
    Map<String, String> env = new HashMap<>(Map.of("bgp_enable", "true", "cp_enable", "true",
        "address", "192.0.2.10", "bgp_routerid", "192.0.2.60"));
    env.put("bgp_peers", "[{address: 192.0.2.1, as: 65000, communities: ['65000:100'], local-pref: 250}]");
    return env;
  }

  @Test
  void givenDefaults_whenBound_thenGracefulRestartIsOff() throws Exception {
    BgpSettings s = bind(bgp());
    assertThat(s.gracefulRestartTime()).isNull();
    assertThat(BgpTranslation.speaker(s, (Inet4Address) InetAddress.getByName("192.0.2.60")).gracefulRestart())
        .isFalse();
  }

  @Test
  void givenEnabledWithoutTime_whenBound_thenTheLeaseDurationIsTheRestartTime() throws Exception {
    Map<String, String> env = bgp();
    env.put("kubevip_bgp_graceful_restart", "true");
    BgpSettings s = bind(env);
    assertThat(s.gracefulRestartTime()).isEqualTo(Duration.ofSeconds(15));
    assertThat(BgpTranslation.speaker(s, (Inet4Address) InetAddress.getByName("192.0.2.60"))
        .gracefulRestartTime()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void givenEnabledWithTime_whenBound_thenThatTimeAndStructuredPeerSurviveBinding() {
    Map<String, String> env = bgp();
    env.put("kubevip_bgp_graceful_restart", "true");
    env.put("kubevip_bgp_graceful_restart_time", "8");
    BgpSettings s = bind(env);
    assertThat(s.gracefulRestartTime()).isEqualTo(Duration.ofSeconds(8));
    assertThat(s.peers()).singleElement().satisfies(p -> {
      assertThat(p.communities()).containsExactly("65000:100");
      assertThat(p.localPref()).isEqualTo(250L);
    });
  }
}
