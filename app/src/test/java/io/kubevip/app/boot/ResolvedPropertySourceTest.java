// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.Feature;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.config.Setting;
import io.kubevip.app.config.SettingsTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class ResolvedPropertySourceTest {
  static final Map<String, String> ARP = Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10");

  @Test
  void givenUnsetSettings_whenMapped_thenEveryTablePropertyIsPresentSoNothingUnderneathCanBind() {
    Map<String, Object> p = ResolvedPropertySource.properties(Configs.config(ARP));
    assertThat(SettingsTable.ALL).allSatisfy(s -> assertThat(p).containsKey(s.property()));
    assertThat(p).containsEntry("kubevip.vip.interface-name", "").containsEntry("kubevip.vip.address", "192.0.2.10");
  }

  @Test
  void givenJsonLogFormat_whenMapped_thenBootStructuredLoggingIsEcs() {
    assertThat(ResolvedPropertySource.properties(Configs.config(with("kubevip_log_format", "json"))))
        .containsEntry("logging.structured.format.console", "ecs");
  }

  @Test
  void givenSlogLevels_whenMapped_thenLogbackLevels() {
    assertThat(ResolvedPropertySource.logLevel(-4)).isEqualTo("DEBUG");
    assertThat(ResolvedPropertySource.logLevel(0)).isEqualTo("INFO");
    assertThat(ResolvedPropertySource.logLevel(4)).isEqualTo("WARN");
    assertThat(ResolvedPropertySource.logLevel(8)).isEqualTo("ERROR");
  }

  @Test
  void givenUserProfiles_whenInstalled_thenExactlyOneModeProfileAndOtherProfilesKept() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("bgp", "custom");
    ResolvedPropertySource.install(env, Configs.config(ARP));
    assertThat(env.getActiveProfiles()).containsExactly("custom", "arp");
    assertThat(env.getPropertySources().iterator().next().getName()).isEqualTo(ResolvedPropertySource.NAME);
  }

  @Test
  void givenInvalidConfig_whenInitializerCreated_thenRefusedWithTheProblem() {
    Map<String, String> services = new java.util.HashMap<>(ARP);
    services.put("enable_upnp", "true");
    assertThatThrownBy(() -> new KubevipContextInitializer(Configs.config(services), FeatureAvailability.current()))
        .hasMessageContaining("enable_upnp: not available in this version");
  }

  /** Every property of the table binds to a field of the kubevip tree (an unbound one fails the bind). */
  @Test
  void givenEveryTableProperty_whenBound_thenEachHasAFieldInKubevipProperties() {
    Map<String, String> all = new LinkedHashMap<>();
    Map<String, String> env = new HashMap<>(Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10",
        "bgp_peers", "192.0.2.1:65000", "vip_leaseannotations", "{\"a\":\"b\"}"));
    for (Setting s : SettingsTable.ALL) {
      if (s.env() != null && !env.containsKey(s.env()) && s.defaultValue() == null) {
        env.put(s.env(), sample(s));
      }
    }
    EffectiveConfig c = Configs.config(env);
    for (Setting s : SettingsTable.ALL) {
      c.normalized(s).ifPresent(v -> all.put(s.property(), v));
      if (s.env() == null && s.defaultValue() == null) {
        all.put(s.property(), "x");
      }
    }
    assertThat(all).hasSize(SettingsTable.ALL.size());
    KubevipProperties p = new Binder(new MapConfigurationPropertySource(all))
        .bind("kubevip", Bindable.of(KubevipProperties.class), new NoUnboundElementsBindHandler(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT)).get();
    assertThat(p.mode().arp()).isTrue();
    assertThat(p.routingTable().id()).isEqualTo(198L);
    assertThat(SettingsConfiguration.toSettings(p, io.kubevip.app.config.DataPlaneMode.ARP).bgp().peers()).hasSize(2);
  }

  private static String sample(Setting s) {
    switch (s.type().describe()) {
      case "IP address":
        return "192.0.2.7";
      case "ipv4 | ipv6 | dual":
        return "ipv4";
      case "fixed | auto_sourceip | auto_sourceif":
        return "fixed";
      case "auto | prefix | v4,v6":
        return "32,128";
      default:
        return "x";
    }
  }

  private static Map<String, String> with(String k, String v) {
    Map<String, String> m = new HashMap<>(ARP);
    m.put(k, v);
    return m;
  }

  @Test
  void givenArpAvailable_whenInitializerCreated_thenAccepted() {
    assertThat(new KubevipContextInitializer(Configs.config(ARP), FeatureAvailability.of(Feature.ARP)).config())
        .isNotNull();
  }
}
