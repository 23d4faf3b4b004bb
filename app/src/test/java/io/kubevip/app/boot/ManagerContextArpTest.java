// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Starts the real manager context (ARP profile, control plane on) on a random port against the fabric8 mock API;
 * the ARP data plane is replaced by fakes, so nothing touches the network beyond loopback HTTP.
 */
@SpringBootTest(classes = {KubevipApplication.class, FakeArpNetwork.class},
    properties = {"kubevip.vip.interface-name=sneaky", "kubevip.mode.bgp=true"})
@ContextConfiguration(initializers = ManagerContextArpTest.Init.class)
class ManagerContextArpTest {

  static final MockApi API = new MockApi();

  static class Init extends KubevipContextInitializer {
    Init() {
      super(Configs.config(Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10",
          "vip_nodename", "Node-A", "prometheus_server", "127.0.0.1:0", "vip_interface", "eth0",
          "k8s_config_file", API.kubeconfig.toString(), "kubevip_log_format", "json")),
          FeatureAvailability.current());
    }
  }

  @AfterAll
  static void stopApi() {
    API.close();
  }

  @Autowired
  FakeVipAddressPort addresses;
  @Autowired
  FakeL2AnnouncePort announcer;

  @Autowired
  ManagementServer http;
  @Autowired
  Environment environment;
  @Autowired
  ApplicationContext context;
  @Autowired
  KubevipSettings settings;

  @Test
  void givenArpConfig_whenContextStarts_thenOnlyTheArpProfileAndItsConfigurationAreActive() {
    assertThat(environment.getActiveProfiles()).containsExactly("arp");
    assertThat(context.getBeansOfType(ModeMarker.class).values()).containsExactly(new ModeMarker(DataPlaneMode.ARP));
    assertThat(context.getBeansOfType(BgpModeConfiguration.class)).isEmpty();
    assertThat(context.getBeansOfType(ArpModeConfiguration.class)).hasSize(1);
  }

  @Test
  void givenFakeDataPlane_whenRunning_thenNoLinuxAdapterWasEverCreated() {
    var factory = ((org.springframework.context.ConfigurableApplicationContext) context).getBeanFactory();
    assertThat(factory.containsBeanDefinition("linuxVipAddresses")).isTrue();
    assertThat(List.of("linuxVipAddresses", "linuxL2Announcer", "linuxLinkWatch", "linuxDuplicateDetector",
        "linuxArpDataPlane", "dataPlaneNamespace")).noneMatch(factory::containsSingleton);
  }

  @Test
  void givenResolvedConfig_whenBound_thenSettingsRecordsCarryTheValues() {
    assertThat(settings.mode()).isEqualTo(DataPlaneMode.ARP);
    assertThat(settings.nodeName()).isEqualTo("node-a");
    assertThat(settings.vip().addresses()).extracting(Object::toString).containsExactly("192.0.2.10/32");
    assertThat(settings.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
  }

  @Test
  void givenKubevipPropertiesBelowTheResolvedSource_whenBound_thenTheyCannotBypassValidation() {
    assertThat(settings.vip().interfaceName()).isEqualTo("eth0");
    assertThat(context.getBean(KubevipProperties.class).mode().bgp()).isFalse();
  }

  @Test
  void givenRunningManager_whenProbed_thenLivezReadyzAndMetricsAnswer() throws Exception {
    assertThat(get("/livez")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("UP");
    });
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).containsPattern(
        "kube_vip_build_info\\{[^}]*build=\"[^\"]+\"[^}]*node=\"node-a\"[^}]*version=\"[^\"]+\"[^}]*} 1");
  }

  @Test
  void givenSoleNode_whenStarted_thenItLeadsOnTheMockApiAndServesTheVipThroughTheFakes() throws Exception {
    VipAddress vip = VipAddress.parse("192.0.2.10");
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(FakeArpNetwork.ETH0).contains(vip));
    assertThat(API.holder("kube-system", "plndr-cp-lock")).contains("node-a");
    assertThat(announcer.bursts(vip, FakeArpNetwork.ETH0)).isPositive();
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body())
        .containsPattern("kube_vip_is_leader\\{[^}]*lease_name=\"plndr-cp-lock\"[^}]*node=\"node-a\"[^}]*} 1")
        .contains("kube_vip_leader_election_transitions_total{lease_name=\"plndr-cp-lock\"} 1")
        .contains("kubevip_acquire_to_announce_seconds_count 1");
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.probesPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
