// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Control plane and Services in one manager over one (fake) interface: both share the API connection, the Services
 * side never removes the control-plane VIP (also not the second, IPv6, one of a dual-stack control plane), and the
 * control plane keeps it while Service VIPs come and go.
 */
class ManagerContextServicesWithControlPlaneTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress CP_VIP = VipAddress.parse("192.0.2.10");
  private static final VipAddress CP_VIP6 = VipAddress.parse("2001:db8::10");
  private static final VipAddress SERVICE_VIP = VipAddress.parse("198.51.100.20");
  /** A fresh interface per test, read by the data-plane bean when the context starts. */
  private static volatile FakeVipAddressPort addresses;
  private final MockApi api = new MockApi();
  private ConfigurableApplicationContext context;

  @Configuration(proxyBeanMethods = false)
  static class FakeNetwork {
    @Bean
    @Primary
    ArpDataPlane fakeSharedDataPlane() {
      return new ArpDataPlane(addresses, new FakeL2AnnouncePort(ETH0), InterfaceMonitor.NONE, DuplicateProbe.NONE);
    }
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    api.close();
  }

  private void start(String controlPlaneAddresses) {
    addresses = new FakeVipAddressPort(ETH0);
    api.readyNode("node-a");
    SpringApplication app = new SpringApplication(KubevipApplication.class, FakeNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.ofEntries(Map.entry("vip_arp", "true"),
        Map.entry("cp_enable", "true"), Map.entry("address", controlPlaneAddresses), Map.entry("svc_enable", "true"),
        Map.entry("vip_nodename", "node-a"), Map.entry("prometheus_server", "127.0.0.1:0"),
        Map.entry("vip_interface", "eth0"), Map.entry("vip_leaseduration", "3"), Map.entry("vip_renewdeadline", "2"),
        Map.entry("vip_retryperiod", "1"), Map.entry("k8s_config_file", api.kubeconfig.toString()))),
        FeatureAvailability.current()));
    context = app.run();
  }

  @Test
  void givenControlPlaneAndServices_whenServiceComesAndGoes_thenTheControlPlaneVipStays() {
    api.pools(Map.of("range-global", "198.51.100.20-198.51.100.29"));
    start("192.0.2.10");
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(ETH0).contains(CP_VIP));

    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web").endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
    await().atMost(Duration.ofSeconds(15)).until(() -> allocated() != null);
    VipAddress vip = VipAddress.parse(allocated());
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(ETH0).contains(vip));
    assertThat(addresses.addresses(ETH0)).contains(CP_VIP);

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> !addresses.addresses(ETH0).contains(vip));
    assertThat(addresses.addresses(ETH0)).containsExactly(CP_VIP);
  }

  @Test
  void givenDualStackControlPlaneVip_whenServicePassesRun_thenNeitherControlPlaneVipIsRemoved() {
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web")
        .addToAnnotations("kube-vip.io/loadbalancerIPs", "198.51.100.20").endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
    start("192.0.2.10,2001:db8::10");
    await().atMost(Duration.ofSeconds(15)).until(() -> addresses.addresses(ETH0).containsAll(List.of(CP_VIP, CP_VIP6,
        SERVICE_VIP)));
    addresses.log().clear();
    long passes = passes();

    await().atMost(Duration.ofSeconds(10)).until(() -> passes() >= passes + 2); // safety passes every second

    assertThat(addresses.log().calls("address.remove")).isEmpty();
    assertThat(addresses.addresses(ETH0)).containsExactlyInAnyOrder(CP_VIP, CP_VIP6, SERVICE_VIP);
  }

  private long passes() {
    return context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
        .get("kube_vip_service_reconcile_duration").timer().count();
  }

  private String allocated() {
    Service s = api.client.services().inNamespace("default").withName("web").get();
    return s == null || s.getMetadata().getAnnotations() == null ? null
        : s.getMetadata().getAnnotations().get("kube-vip.io/loadbalancerIPs");
  }
}
