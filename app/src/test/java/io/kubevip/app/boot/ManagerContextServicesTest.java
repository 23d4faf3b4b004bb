// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The real manager context with {@code svc_enable} in ARP mode against the fabric8 mock API, the ARP data plane
 * replaced by fakes (nothing touches the network beyond loopback HTTP): a LoadBalancer Service gets an address from
 * the {@code kubevip} ConfigMap, this node announces it, deleting the Service withdraws it, and closing the context
 * (SIGTERM) withdraws every Service VIP while both Leases are still held, then gives them up.
 */
class ManagerContextServicesTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final String LB_IPS = "kube-vip.io/loadbalancerIPs";
  private static final String VIP_HOST = "kube-vip.io/vipHost";

  private MockApi api;
  private FakeVipAddressPort addresses;
  private FakeL2AnnouncePort announcer;
  private ConfigurableApplicationContext context;
  /** Liveness and svc Lease holders, as the API server saw them, at each removal of an address. */
  private final List<List<Optional<String>>> holdersAtRemoval = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Handed to the context through a static, as Spring instantiates the configuration itself. */
  private static volatile ArpDataPlane dataPlane;

  @Configuration(proxyBeanMethods = false)
  static class FakeNetwork {
    @Bean
    @Primary
    ArpDataPlane fakeServicesDataPlane() {
      return dataPlane;
    }
  }

  @BeforeEach
  void start() {
    api = new MockApi();
    addresses = new FakeVipAddressPort(ETH0);
    announcer = new FakeL2AnnouncePort(ETH0);
    io.kubevip.ports.out.VipAddressPort recording = new io.kubevip.ports.out.VipAddressPort() {
      @Override
      public void add(VipAddress vip, InterfaceName iface) {
        addresses.add(vip, iface);
      }

      @Override
      public void remove(VipAddress vip, InterfaceName iface) {
        holdersAtRemoval.add(List.of(api.holder("kube-system", "kubevip-node-node-a"),
            api.holder("kube-system", "plndr-svcs-lock")));
        addresses.remove(vip, iface);
      }

      @Override
      public java.util.Set<VipAddress> listOurs(InterfaceName iface) {
        return addresses.listOurs(iface);
      }

      @Override
      public java.util.Map<InterfaceName, java.util.Set<VipAddress>> listAllOurs() {
        return addresses.listAllOurs();
      }
    };
    dataPlane = new ArpDataPlane(recording, announcer, InterfaceMonitor.NONE, DuplicateProbe.NONE);
    api.readyNode("node-a");
    api.pools(Map.of("cidr-global", "198.51.100.0/24"));
    SpringApplication app = new SpringApplication(KubevipApplication.class, FakeNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.ofEntries(Map.entry("vip_arp", "true"),
        Map.entry("svc_enable", "true"), Map.entry("vip_nodename", "node-a"),
        Map.entry("prometheus_server", "127.0.0.1:0"), Map.entry("vip_interface", "eth0"),
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
  void givenPoolAndLoadBalancerService_whenManagerRuns_thenAllocatedAnnouncedRecordedAndWithdrawnOnDelete()
      throws Exception {
    createService("web");

    VipAddress vip = awaitAllocated("web");
    Service web = service("web");
    assertThat(web.getMetadata().getLabels()).containsEntry("implementation", "kube-vip");
    assertThat(vip.hostText()).startsWith("198.51.100.");
    await().atMost(Duration.ofSeconds(15)).until(() -> addresses.addresses(ETH0).contains(vip)
        && "node-a".equals(annotation("web", VIP_HOST)));
    await().atMost(Duration.ofSeconds(5)).until(() -> ingress("web").contains(vip.hostText()));
    assertThat(announcer.bursts(vip, ETH0)).isPositive();
    assertThat(api.holder("kube-system", "plndr-svcs-lock")).contains("node-a");
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    var health = context.getBean(ServicesHealthIndicator.class).health();
    assertThat(health.getStatus().getCode()).isEqualTo("UP");
    assertThat(health.getDetails()).containsEntry("leaseHolder", "node-a").containsEntry("announced", 1)
        .containsEntry("liveNodes", List.of("node-a"));
    String metrics = get("/metrics").body();
    assertThat(metrics).containsPattern("kube_vip_active_services\\{node=\"node-a\"} 1")
        .contains("kube_vip_service_reconcile_duration_seconds_bucket")
        .contains("kube_vip_service_reconcile_errors_total");

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> !addresses.addresses(ETH0).contains(vip));
  }

  @Test
  void givenAnnouncedService_whenContextCloses_thenVipWithdrawnRecordedAndBothLeasesGivenUp() {
    createService("api");
    VipAddress vip = awaitAllocated("api");
    await().atMost(Duration.ofSeconds(15)).until(() -> addresses.addresses(ETH0).contains(vip)
        && "node-a".equals(annotation("api", VIP_HOST)));
    assertThat(api.holder("kube-system", "kubevip-node-node-a")).contains("node-a");

    context.close();
    context = null;

    assertThat(addresses.addresses(ETH0)).doesNotContain(vip);
    assertThat(holdersAtRemoval).as("withdrawn while both Leases were still ours")
        .containsExactly(List.of(Optional.of("node-a"), Optional.of("node-a")));
    assertThat(annotation("api", VIP_HOST)).isNullOrEmpty();
    assertThat(api.holder("kube-system", "kubevip-node-node-a")).isEmpty();
    assertThat(api.holder("kube-system", "plndr-svcs-lock")).isEmpty();
  }

  private void createService(String name) {
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName(name).withUid("uid-" + name).endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
  }

  private VipAddress awaitAllocated(String name) {
    await().atMost(Duration.ofSeconds(15)).until(() -> annotation(name, LB_IPS) != null);
    return VipAddress.parse(annotation(name, LB_IPS));
  }

  private Service service(String name) {
    return api.client.services().inNamespace("default").withName(name).get();
  }

  private String annotation(String service, String key) {
    Service s = service(service);
    return s == null || s.getMetadata().getAnnotations() == null ? null : s.getMetadata().getAnnotations().get(key);
  }

  private List<String> ingress(String name) {
    Service s = service(name);
    return Optional.ofNullable(s.getStatus()).map(st -> st.getLoadBalancer()).map(lb -> lb.getIngress())
        .orElse(List.of()).stream().map(LoadBalancerIngress::getIp).toList();
  }

  private HttpResponse<String> get(String path) throws Exception {
    int port = context.getBean(ManagementServer.class).probesPort();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
