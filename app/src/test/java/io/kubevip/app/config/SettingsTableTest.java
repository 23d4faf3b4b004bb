// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.boot.ResolvedPropertySource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTableTest {

  /** Every kube-vip environment variable of the compatibility reference (section 4), spelled as kube-vip does. */
  static final List<String> KUBE_VIP_ENV = List.of("vip_arp", "bgp_enable", "vip_routingtable", "vip_wireguard",
      "cp_enable", "svc_enable", "address", "vip_address", "port", "vip_subnet", "vip_interface",
      "vip_servicesinterface", "vip_allow_interface_not_up", "vip_interfaceloglobal", "vip_nodename", "vip_ddns",
      "dns_mode", "dhcp_mode", "dhcp_backoff_attempts", "vip_skipdad", "vip_arpRate", "vip_preserve_on_leadership_loss",
      "vip_loseleadership", "vip_loseleadership_timeout_seconds", "enable_node_labeling", "vip_leaderelection",
      "vip_leasename", "svc_leasename", "vip_leaseduration", "vip_renewdeadline", "vip_retryperiod",
      "vip_leaseannotations", "cp_namespace", "svc_election", "per_service_election_on_demand", "svc_namespace",
      "lb_class_only", "lb_class_name", "lb_class_legacy_handling", "enable_service_security",
      "disable_service_updates", "enable_endpoints", "debounce_time", "mirror_dest_interface", "enable_upnp",
      "egress_withnftables", "instance_name", "egress_podcidr", "egress_servicecidr", "egress_enableinternalsnat",
      "egress_clean", "iptables_backend", "lb_enable", "lb_port", "lb_fwdmethod", "backend_health_check_interval",
      "bgp_as", "bgp_routerid", "bgp_routerinterface", "bgp_peeraddress", "bgp_peeras", "bgp_peerpass",
      "bgp_multihop", "bgp_peers", "bgp_sourceif", "bgp_sourceip", "bgp_hold_time", "bgp_keepalive_interval",
      "bgp_attach_ip_to_interface", "mpbgp_nexthop", "mpbgp_ipv4", "mpbgp_ipv6", "zebra_enable", "zebra_url",
      "zebra_version", "zebra_software_name", "control_plane_health_check_address",
      "control_plane_health_check_period_seconds", "control_plane_health_check_timeout_seconds",
      "control_plane_health_check_failure_threshold", "control_plane_health_check_ca_path", "annotations",
      "vip_routingtableid", "vip_routingtabletype", "vip_routingprotocol", "vip_cleanroutingtable", "cp_detect",
      "k8s_config_file", "kubernetes_addr", "prometheus_server", "health_check_port", "vip_loglevel", "config_file");

  static Stream<Arguments> envNames() {
    return SettingsTable.ALL.stream().flatMap(s -> Stream.concat(Stream.ofNullable(s.env()), s.envAliases().stream())
        .map(name -> Arguments.of(name, s)));
  }

  static Stream<Arguments> flags() {
    return SettingsTable.ALL.stream().flatMap(s -> Stream.concat(Stream.ofNullable(s.flag()), s.flagAliases().stream())
        .map(name -> Arguments.of(name, s)));
  }

  @Test
  void givenKubeVipReference_whenTableLooked_thenEveryEnvVariableIsKnown() {
    assertThat(KUBE_VIP_ENV).allSatisfy(name -> assertThat(SettingsTable.byEnv(name)).as(name).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envNames")
  void givenEnvVariable_whenResolved_thenItLandsOnItsPropertyWithEnvOrigin(String name, Setting s) {
    String value = s == SettingsTable.CONFIG_FILE ? null : Samples.valid(s);
    if (value == null) {
      return; // config_file is read, not mapped; covered by the precedence tests
    }
    EffectiveConfig c = Configs.config(Map.of(name, value));
    ResolvedValue v = c.get(s);
    assertThat(v.origin()).isEqualTo(Origin.ENV);
    assertThat(v.writtenAs()).isEqualTo(name);
    assertThat(v.value()).isEqualTo(value);
    String normalized = s.type().normalize(value, Origin.ENV);
    assertThat(ResolvedPropertySource.properties(c)).containsEntry(s.property(), normalized);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flags")
  void givenFlag_whenResolved_thenItLandsOnItsSettingWithFlagOrigin(String flag, Setting s) {
    String value = Samples.valid(s);
    ResolvedValue v = Configs.resolve(Map.of(), Map.of(flag, value), List.of()).config().get(s);
    assertThat(v.origin()).isEqualTo(Origin.FLAG);
    assertThat(v.where()).isEqualTo(flag);
  }

  @Test
  void givenTable_whenInspected_thenNamesAreUniqueAndWellFormed() {
    List<String> envs = envNames().map(a -> (String) a.get()[0]).toList();
    List<String> flags = flags().map(a -> (String) a.get()[0]).toList();
    List<String> props = SettingsTable.ALL.stream().map(Setting::property).toList();
    assertThat(envs).doesNotHaveDuplicates();
    assertThat(flags).doesNotHaveDuplicates().allMatch(f -> f.startsWith("-"));
    assertThat(props).doesNotHaveDuplicates().allMatch(p -> p.matches("kubevip(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+"));
    assertThat(SettingsTable.ALL).allMatch(s -> s.description() != null && !s.description().isBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allSettings")
  void givenDefault_whenNormalized_thenItIsValidForItsType(Setting s) {
    if (s.defaultValue() != null) {
      assertThat(s.type().normalize(s.defaultValue(), Origin.DEFAULT)).isNotNull();
    }
    assertThat(Configs.config(Map.of()).get(s).origin()).isEqualTo(Origin.DEFAULT);
  }

  static Stream<Setting> allSettings() {
    return SettingsTable.ALL.stream();
  }

  @Test
  void givenOurDocumentedDefaultsThatDifferFromKubeVip_whenResolved_thenTheyHold() {
    EffectiveConfig c = Configs.config(Map.of());
    assertThat(c.normalized(SettingsTable.VIP_LOSELEADERSHIP)).contains("true");
    assertThat(c.normalized(SettingsTable.VIP_LOSELEADERSHIP_TIMEOUT)).contains("1000ms");
    assertThat(c.normalized(SettingsTable.VIP_SKIPDAD)).contains("true");
    assertThat(c.normalized(SettingsTable.VIP_LEASEDURATION)).contains("15000ms");
    assertThat(c.normalized(SettingsTable.PROMETHEUS_SERVER)).contains(":2112");
  }

  @Test
  void givenSecretSettings_whenListed_thenPeerPasswordIsSecret() {
    assertThat(SettingsTable.ALL.stream().filter(Setting::secret).map(Setting::name))
        .containsExactly("bgp_peerpass");
    assertThat(SettingsTable.ALL.stream().map(Setting::env).filter(Objects::nonNull)).contains("kubevip_log_format", "kubevip_netns");
  }
}
