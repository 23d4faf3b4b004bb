// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubevip.app.bgp.BgpDataPlane;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.testkit.fakes.CallLog;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The real manager context in BGP mode with {@code svc_enable} and {@code cp_enable} (ECMP, no election) against the
 * fabric8 mock API; one fake speaker and fake addresses on {@code lo} shared by both use cases, so nothing leaves the
 * process but loopback HTTP. A Service gets an address, this node puts it on {@code lo} and advertises it next to the
 * control-plane VIP, status is written without a {@code vipHost}, deleting the Service withdraws only its route, and
 * closing the context withdraws every route before the speaker is closed.
 */
class ManagerContextServicesBgpTest {
  private static final VipAddress CP_VIP = VipAddress.parse("192.0.2.10");
  private static final String LB_IPS = "kube-vip.io/loadbalancerIPs";

  private MockApi api;
  private final CallLog log = new CallLog();
  private FakeVipAddressPort addresses;
  private FakeBgpAdvertisementPort routes;
  private ConfigurableApplicationContext context;

  /** Handed to the context through a static, as Spring instantiates the configuration itself. */
  private static volatile BgpDataPlane dataPlane;

  @Configuration(proxyBeanMethods = false)
  static class FakeNetwork {
    @Bean
    @Primary
    BgpDataPlane fakeServicesBgpDataPlane() {
      return dataPlane;
    }
  }

  @BeforeEach
  void start() {
    api = new MockApi();
    addresses = new FakeVipAddressPort(log, FakeBgpNetwork.LO);
    routes = new FakeBgpAdvertisementPort(log);
    dataPlane = new BgpDataPlane(addresses, routes, List::of, () -> log.record(RecordedCall.of("speaker.close")));
    api.readyNode("node-a");
    api.pools(Map.of("cidr-global", "198.51.100.0/24"));
    SpringApplication app = new SpringApplication(KubevipApplication.class, FakeNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.ofEntries(Map.entry("bgp_enable", "true"),
        Map.entry("svc_enable", "true"), Map.entry("cp_enable", "true"), Map.entry("address", CP_VIP.hostText()),
        Map.entry("vip_nodename", "node-a"), Map.entry("prometheus_server", "127.0.0.1:0"),
        Map.entry("bgp_routerid", "192.0.2.100"), Map.entry("bgp_peers", "192.0.2.1:65001::false:1179"),
        Map.entry("vip_leaseduration", "3"), Map.entry("vip_renewdeadline", "2"), Map.entry("vip_retryperiod", "1"),
        Map.entry("k8s_config_file", api.kubeconfig.toString()))), FeatureAvailability.current()));
    context = app.run();
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    api.close();
  }

  @Test
  void givenPoolAndLoadBalancerService_whenManagerRuns_thenVipOnLoAdvertisedStatusWrittenAndWithdrawnOnDelete()
      throws Exception {
    createService("web");
    VipAddress vip = awaitAllocated("web");
    await().atMost(Duration.ofSeconds(15)).until(() -> routes.advertised().contains(vip));
    assertThat(addresses.listOurs(FakeBgpNetwork.LO)).contains(vip, CP_VIP);
    assertThat(routes.advertised()).containsExactlyInAnyOrder(vip, CP_VIP);
    await().atMost(Duration.ofSeconds(10)).until(() -> ingress("web").contains(vip.hostText()));
    assertThat(annotations("web")).doesNotContainKey("kube-vip.io/vipHost"); // no single host in ECMP mode
    assertThat(api.holder("kube-system", "plndr-svcs-lock")).contains("node-a");
    String metrics = get("/metrics");
    assertThat(metrics).containsPattern("kube_vip_active_services\\{node=\"node-a\"} 1")
        .containsPattern("kube_vip_is_leader\\{[^}]*lease_name=\"plndr-svcs-lock\"[^}]*node=\"node-a\"[^}]*} 1");

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> !routes.advertised().contains(vip));
    assertThat(addresses.listOurs(FakeBgpNetwork.LO)).containsExactly(CP_VIP);
    assertThat(routes.advertised()).containsExactly(CP_VIP);
  }

  @Test
  void givenAdvertisedService_whenContextCloses_thenRoutesWithdrawnAndAddressesRemovedBeforeTheSpeakerCloses() {
    createService("api");
    VipAddress vip = awaitAllocated("api");
    await().atMost(Duration.ofSeconds(15)).until(() -> routes.advertised().contains(vip));

    context.close();
    context = null;

    List<RecordedCall> calls = log.calls();
    int close = calls.indexOf(RecordedCall.of("speaker.close"));
    assertThat(close).isPositive();
    assertThat(calls.subList(0, close)).contains(RecordedCall.of("bgp.withdraw", Set.of(vip)),
        RecordedCall.of("bgp.withdraw", Set.of(CP_VIP)));
    assertThat(calls.indexOf(RecordedCall.of("bgp.withdraw", Set.of(vip))))
        .isLessThan(calls.indexOf(RecordedCall.of("address.remove", vip, FakeBgpNetwork.LO)));
    assertThat(addresses.listOurs(FakeBgpNetwork.LO)).isEmpty();
    assertThat(api.holder("kube-system", "plndr-svcs-lock")).isEmpty();
  }

  private void createService(String name) {
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName(name).withUid("uid-" + name).endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
  }

  private VipAddress awaitAllocated(String name) {
    await().atMost(Duration.ofSeconds(15)).until(() -> annotations(name).get(LB_IPS) != null);
    return VipAddress.parse(annotations(name).get(LB_IPS));
  }

  private Map<String, String> annotations(String name) {
    Service s = api.client.services().inNamespace("default").withName(name).get();
    return s == null || s.getMetadata().getAnnotations() == null ? Map.of() : s.getMetadata().getAnnotations();
  }

  private List<String> ingress(String name) {
    Service s = api.client.services().inNamespace("default").withName(name).get();
    return Optional.ofNullable(s.getStatus()).map(st -> st.getLoadBalancer()).map(lb -> lb.getIngress())
        .orElse(List.of()).stream().map(LoadBalancerIngress::getIp).toList();
  }

  private String get(String path) throws Exception {
    int port = context.getBean(ManagementServer.class).probesPort();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return r.body();
  }
}
