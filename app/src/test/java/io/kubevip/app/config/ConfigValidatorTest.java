// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.config.Resolution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
  static final Map<String, String> VALID_ARP = Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10");
  static final FeatureAvailability ALL = FeatureAvailability.of(Feature.values());

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("no mode", Map.of("vip_arp", "false"),
            "mode: none of vip_arp, bgp_enable, vip_routingtable, vip_wireguard is true; expected exactly one"
                + " (flags --arp, --bgp, --table, --wireguard)"),
        Arguments.of("two modes", Map.of("bgp_enable", "true"),
            "vip_arp, bgp_enable: 2 modes enabled; expected exactly one of vip_arp, bgp_enable, vip_routingtable,"
                + " vip_wireguard"),
        Arguments.of("neither feature", Map.of("cp_enable", "false"),
            "cp_enable, svc_enable: neither is true; expected the control plane (cp_enable / --controlplane),"
                + " services (svc_enable / --services) or both"),
        Arguments.of("control plane without address", Map.of("address", ""),
            "address: is not set; the control plane (cp_enable) needs a VIP: expected an IP or DNS name, e.g. 192.0.2.10"),
        Arguments.of("bad VIP", Map.of("address", "10.0.0.300"),
            "address: '10.0.0.300' has a bad entry: '10.0.0.300' is not an IP address: expected an IPv4 (10.0.0.5) or"
                + " IPv6 (fd00::5) address, optionally with /prefix"),
        Arguments.of("multicast VIP", Map.of("address", "224.0.0.5"),
            "address: '224.0.0.5' has a bad entry: 224.0.0.5: a multicast address cannot be a VIP"),
        Arguments.of("bad DNS name", Map.of("address", "bad_name!"),
            "address: 'bad_name!' has a bad entry: 'bad_name!' is neither an IP address nor a DNS name; expected e.g."
                + " 192.0.2.10, 2001:db8::10 or vip.example.com"),
        Arguments.of("lease not longer than renew", Map.of("vip_leaseduration", "10"),
            "vip_leaseduration: '10' is not longer than vip_renewdeadline (10s); expected lease duration > renew"
                + " deadline > retry period"),
        Arguments.of("renew not longer than retry", Map.of("vip_renewdeadline", "2"),
            "vip_renewdeadline: '2' is not longer than vip_retryperiod (2s); expected lease duration > renew deadline"
                + " > retry period"),
        Arguments.of("bad boolean", Map.of("svc_election", "yes"),
            "svc_election: 'yes' is not a boolean; expected true or false"),
        Arguments.of("bad number", Map.of("bgp_as", "sixty"),
            "bgp_as: 'sixty' is not a whole number; expected 1..4294967295"),
        Arguments.of("sub-second env duration", Map.of("vip_retryperiod", "0.5"),
            "vip_retryperiod: '0.5' is not a whole number of seconds; expected e.g. 15 (sub-second values go in the"
                + " kubevip.* property, e.g. 800ms)"),
        Arguments.of("bad Go duration", Map.of("debounce_time", "5 seconds"),
            "debounce_time: '5 seconds' is not a duration; expected e.g. 1500ms, 15s, 1m30s or PT15S"),
        Arguments.of("port out of range", Map.of("port", "70000"),
            "port: '70000' is out of range; expected 1..65535"),
        Arguments.of("netns without interface", Map.of("kubevip_netns", "lab1"),
            "kubevip_netns: 'lab1' needs vip_interface: the default-route interface would be looked up in this"
                + " process's namespace, not in lab1"),
        Arguments.of("bad prometheus_server", Map.of("prometheus_server", "2112"),
            "prometheus_server: '2112' has no port; expected :port or host:port, e.g. :2112"),
        Arguments.of("privileged health port", Map.of("health_check_port", "80"),
            "health_check_port: '80' is a privileged port; expected 0 (served on the metrics port) or 1025..65535"),
        Arguments.of("health port equals metrics port", Map.of("health_check_port", "2112"),
            "health_check_port: '2112' is also the port of prometheus_server; expected a different port, or 0 to serve"
                + " the probes on the metrics port"),
        Arguments.of("bad subnet", Map.of("vip_subnet", "33,128"),
            "vip_subnet: '33,128' has prefix /33 out of range; expected 1..32 for IPv4"),
        Arguments.of("bad enum", Map.of("lb_fwdmethod", "nat"),
            "lb_fwdmethod: 'nat' is not allowed; expected one of local, masquerade, tunnel, directroute, bypass"),
        Arguments.of("two BGP sources", Map.of("bgp_sourceif", "eth0", "bgp_sourceip", "192.0.2.3"),
            "bgp_sourceif, bgp_sourceip: both set; expected at most one source (interface or address)"),
        Arguments.of("bad bgp peer AS", Map.of("bgp_peers", "192.0.2.1:65000:pw,192.0.2.2:x:pw2"),
            "bgp_peers: peer 2 '192.0.2.2:x:<redacted>': AS 'x' is not a number; expected 1..4294967295"),
        Arguments.of("bad lease annotations", Map.of("vip_leaseannotations", "[1]"),
            "vip_leaseannotations: '[1]' is not a JSON object; expected {\"key\":\"value\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void givenOneMistake_whenValidated_thenExactlyThatProblemIsReported(String rule, Map<String, String> change,
      String expected) {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.putAll(change);
    assertThat(ConfigValidator.validate(Configs.config(env), ALL)).extracting(Problem::toString)
        .containsExactly(expected);
  }

  @Test
  void givenValidConfigAndAllFeatures_whenValidated_thenNoProblems() {
    assertThat(ConfigValidator.validate(Configs.config(VALID_ARP), ALL)).isEmpty();
  }

  @Test
  void givenThisBuild_whenAModeOtherThanArpRequested_thenNotAvailableByName() {
    assertThat(ConfigValidator.validate(Configs.config(VALID_ARP), FeatureAvailability.current())).isEmpty();
    for (String mode : List.of("vip_routingtable", "vip_wireguard")) {
      Map<String, String> env = new HashMap<>(VALID_ARP);
      env.remove("vip_arp");
      env.put(mode, "true");
      assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.current()))
          .extracting(Problem::toString).containsExactly(mode + ": not available in this version");
    }
  }

  @Test
  void givenThisBuild_whenServicesRequestedInArpMode_thenAccepted() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.put("svc_enable", "true");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.current())).isEmpty();
  }

  @Test
  void givenThisBuild_whenServicesRequestedInBgpMode_thenAccepted() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.remove("vip_arp");
    env.put("bgp_enable", "true");
    env.put("svc_enable", "true");
    env.put("bgp_peers", "192.0.2.1:65000");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.current())).isEmpty();
  }

  @Test
  void givenRoutingTableAvailable_whenServicesRequestedInRoutingTableModeWithThisBuildsWiring_thenRefusedByName() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.remove("vip_arp");
    env.put("vip_routingtable", "true");
    env.put("svc_enable", "true");
    FeatureAvailability tableBuild = FeatureAvailability.current().with(Feature.ROUTING_TABLE);
    assertThat(ConfigValidator.validate(Configs.config(env), tableBuild)).extracting(Problem::toString)
        .containsExactly("svc_enable, vip_routingtable: LoadBalancer Services with vip_routingtable are not available"
            + " in this version; expected vip_arp or bgp_enable for Services");
  }

  @Test
  void givenTestAvailability_whenServicesRequestedInBgpMode_thenAccepted() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.remove("vip_arp");
    env.put("bgp_enable", "true");
    env.put("svc_enable", "true");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.of(Feature.BGP, Feature.SERVICES)))
        .noneMatch(p -> p.toString().contains("svc_enable"));
  }

  @Test
  void givenThisBuild_whenDnsNamedVipOrPreservedVipRequested_thenNotAvailableByName() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.put("address", "cp.example.com");
    env.put("vip_preserve_on_leadership_loss", "true");
    assertThat(ConfigValidator.validate(Configs.config(env), FeatureAvailability.current()))
        .extracting(Problem::toString).containsExactly(
            "address: 'cp.example.com' names a DNS name: DNS-named VIPs are not available in this version; expected IP"
                + " addresses",
            "vip_preserve_on_leadership_loss: not available in this version");
  }

  @Test
  void givenArpRateBelow500_whenResolved_thenValidWithAWarningAndTheKubeVipFallback() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.put("vip_arpRate", "100");
    Resolution r = Configs.resolve(env, Map.of(), List.of());
    assertThat(ConfigValidator.validate(r.config(), FeatureAvailability.current())).isEmpty();
    assertThat(r.warnings()).contains("vip_arpRate: '100' is below 500 ms; using 3000 ms as kube-vip does");
    assertThat(ArpRate.effective(java.time.Duration.ofMillis(100))).isEqualTo(java.time.Duration.ofMillis(3000));
    assertThat(ArpRate.effective(java.time.Duration.ofMillis(500))).isEqualTo(java.time.Duration.ofMillis(500));
  }

  @Test
  void givenUnavailableFeatures_whenValidated_thenEachIsNamed() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.putAll(Map.of("enable_upnp", "true", "vip_ddns", "true", "lb_enable", "true", "address", "0.0.0.0"));
    EffectiveConfig c = Configs.resolve(env, Map.of("--leaderElectionType", "etcd"), List.of()).config();
    assertThat(ConfigValidator.validate(c, FeatureAvailability.of(Feature.ARP))).extracting(Problem::toString)
        .containsExactly(
            "address: '0.0.0.0' asks for a DHCP-leased VIP (0.0.0.0 / ::): DHCP is not available in this version",
            "enable_upnp: not available in this version",
            "vip_ddns: not available in this version",
            "lb_enable: not available in this version",
            "--leaderElectionType: 'etcd' etcd election is not available in this version");
  }

  @Test
  void givenManyMistakesFromAllInputs_whenValidated_thenEveryOneIsCollectedAndNamedAsWritten() {
    EffectiveConfig c = Configs.resolve(Map.of("vip_arp", "maybe", "port", "0"),
        Map.of("--leaseDuration", "1", "--services", "true"),
        List.of(new PropertyEntry("kubevip.bgp.hold-time", "soon", "./application.yaml"))).config();
    assertThat(ConfigValidator.validate(c, ALL)).extracting(Problem::toString).containsExactly(
        "vip_arp: 'maybe' is not a boolean; expected true or false",
        "port: '0' is out of range; expected 1..65535",
        "kubevip.bgp.hold-time (in ./application.yaml): 'soon' is not a duration; expected e.g. 1500ms, 15s, 1m30s or"
            + " PT15S",
        "mode: none of vip_arp, bgp_enable, vip_routingtable, vip_wireguard is true; expected exactly one (flags --arp,"
            + " --bgp, --table, --wireguard)",
        "--leaseDuration: '1' is not longer than vip_renewdeadline (10s); expected lease duration > renew deadline >"
            + " retry period");
  }

  @Test
  void givenSecretInvalidValue_whenReported_thenRedacted() {
    Map<String, String> env = new HashMap<>(VALID_ARP);
    env.put("bgp_peers", "192.0.2.1:65000:hunter2:maybe");
    assertThat(ConfigValidator.validate(Configs.config(env), ALL)).extracting(Problem::toString).containsExactly(
        "bgp_peers: peer 1 '192.0.2.1:65000:<redacted>:maybe': multihop 'maybe' is not a boolean; expected true or false");
  }
}
