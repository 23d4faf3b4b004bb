// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.bgp.BgpControlPlane;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real manager context in BGP mode with the control plane and leader election on, against the fabric8 mock
 * API; the speaker and the addresses are fakes ({@link FakeBgpNetwork}), so nothing leaves the process but
 * loopback HTTP.
 */
@SpringBootTest(classes = {KubevipApplication.class, FakeBgpNetwork.class})
@ContextConfiguration(initializers = ManagerContextBgpControlPlaneTest.Init.class)
class ManagerContextBgpControlPlaneTest {
  static final MockApi API = new MockApi();
  static final VipAddress VIP = VipAddress.parse("192.0.2.10");

  static class Init extends KubevipContextInitializer {
    Init() {
      super(Configs.config(Map.of("bgp_enable", "true", "cp_enable", "true", "address", "192.0.2.10",
          "vip_leaderelection", "true", "vip_nodename", "node-a", "prometheus_server", "127.0.0.1:0",
          "vip_interface", "lo", "bgp_routerid", "192.0.2.100", "bgp_peers", "192.0.2.1:65001::false:1179",
          "k8s_config_file", API.kubeconfig.toString())), FeatureAvailability.current());
    }
  }

  @AfterAll
  static void stopApi() {
    API.close();
  }

  @Autowired
  FakeVipAddressPort addresses;
  @Autowired
  FakeBgpAdvertisementPort fakeRoutes;
  @Autowired
  BgpControlPlane node;
  @Autowired
  ApplicationContext context;
  @Autowired
  ManagementServer http;

  @Test
  void givenSoleNodeWithElection_whenStarted_thenItLeadsPutsTheVipOnLoAndAdvertisesIt() {
    await().atMost(Duration.ofSeconds(10)).until(() -> fakeRoutes.advertised().contains(VIP));
    assertThat(addresses.listOurs(FakeBgpNetwork.LO)).containsExactly(VIP);
    assertThat(API.holder("kube-system", "plndr-cp-lock")).contains("node-a");
    assertThat(node.status().leading()).isTrue();
  }

  @Test
  void givenUnhealthyLocalApi_whenReported_thenTheRouteIsWithdrawnAndComesBackWhenHealthy() {
    await().atMost(Duration.ofSeconds(10)).until(() -> fakeRoutes.advertised().contains(VIP));
    node.apiHealthListener().unhealthy("test");
    assertThat(fakeRoutes.advertised()).doesNotContain(VIP);
    assertThat(addresses.listOurs(FakeBgpNetwork.LO)).isEmpty();
    node.apiHealthListener().healthy();
    await().atMost(Duration.ofSeconds(10)).until(() -> fakeRoutes.advertised().contains(VIP));
  }

  @Test
  void givenElectedBgpControlPlane_whenItLeads_thenIsLeaderGaugeIsOneForTheControlPlaneLease() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> node.status().leading());
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/metrics"))
        .containsPattern("kube_vip_is_leader\\{[^}]*lease_name=\"plndr-cp-lock\"[^}]*node=\"node-a\"[^}]*} 1"));
  }

  @Test
  void givenFakePeer_whenScraped_thenSessionInfoAndCountersFollowThePeerStatus() throws Exception {
    FakeBgpNetwork.PEER_STATUS.set(FakeBgpNetwork.established(7, 2));
    String metrics = get("/metrics");
    assertThat(metrics)
        .contains("kube_vip_manager_bgp_session_info{peer=\"192.0.2.1:1179 AS65001\",state=\"established\"} 1")
        .contains("kubevip_bgp_updates_sent_total{peer=\"192.0.2.1:1179 AS65001\"} 7.0")
        .contains("kubevip_bgp_session_flaps_total{peer=\"192.0.2.1:1179 AS65001\"} 1.0");
  }

  @Test
  void givenBgpHealthContributor_whenAsked_thenItShowsPerPeerState() {
    FakeBgpNetwork.PEER_STATUS.set(FakeBgpNetwork.established(3, 1));
    HealthIndicator bgp = context.getBean("bgpHealthIndicator", HealthIndicator.class);
    var health = bgp.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails().get("peers").toString()).contains("192.0.2.1:1179 AS65001")
        .contains("state=established");
  }

  @Test
  void givenBgpHealthGroup_whenRequested_thenPeerDetailsAreShownAndReadinessIsUnaffected() throws Exception {
    FakeBgpNetwork.PEER_STATUS.set(FakeBgpNetwork.established(3, 1));
    assertThat(get("/health/bgp-sessions")).contains("\"192.0.2.1:1179 AS65001\"").contains("\"state\":\"established\"")
        .contains("\"updatesSent\":3");
    assertThat(get("/readyz")).doesNotContain("AS65001");
  }

  private String get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.probesPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
