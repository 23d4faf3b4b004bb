// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeBuilder;
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
 * Control plane with a dual-stack VIP and Services in one manager over one (fake) interface: the Services side's
 * clean-up (tagged addresses no Service wants) never removes either control-plane VIP, also not the second (IPv6)
 * one, while Service VIPs come and go.
 */
class ServicesWithDualStackControlPlaneTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress CP_VIP = VipAddress.parse("192.0.2.10");
  private static final VipAddress CP_VIP6 = VipAddress.parse("2001:db8::10");
  private static final VipAddress SERVICE_VIP = VipAddress.parse("198.51.100.20");
  private static final FakeVipAddressPort ADDRESSES = new FakeVipAddressPort(ETH0);
  private final MockApi api = new MockApi();
  private ConfigurableApplicationContext context;

  @Configuration(proxyBeanMethods = false)
  static class FakeNetwork {
    @Bean
    @Primary
    ArpDataPlane fakeDualStackDataPlane() {
      return new ArpDataPlane(ADDRESSES, new FakeL2AnnouncePort(ETH0), InterfaceMonitor.NONE, DuplicateProbe.NONE);
    }
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    api.close();
  }

  @Test
  void givenDualStackControlPlaneVip_whenServicePassesRun_thenNeitherControlPlaneVipIsRemoved() {
    api.client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-a").endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
        .create();
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web")
        .addToAnnotations("kube-vip.io/loadbalancerIPs", "198.51.100.20").endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
    SpringApplication app = new SpringApplication(KubevipApplication.class, FakeNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.ofEntries(Map.entry("vip_arp", "true"),
        Map.entry("cp_enable", "true"), Map.entry("address", "192.0.2.10,2001:db8::10"),
        Map.entry("svc_enable", "true"), Map.entry("vip_nodename", "node-a"),
        Map.entry("prometheus_server", "127.0.0.1:0"), Map.entry("vip_interface", "eth0"),
        Map.entry("vip_leaseduration", "3"), Map.entry("vip_renewdeadline", "2"), Map.entry("vip_retryperiod", "1"),
        Map.entry("k8s_config_file", api.kubeconfig.toString()))), FeatureAvailability.current()));
    context = app.run();
    await().atMost(Duration.ofSeconds(15)).until(() -> ADDRESSES.addresses(ETH0).containsAll(List.of(CP_VIP, CP_VIP6,
        SERVICE_VIP)));
    ADDRESSES.log().clear();
    long passes = passes();

    await().atMost(Duration.ofSeconds(10)).until(() -> passes() >= passes + 2); // safety passes every second

    assertThat(ADDRESSES.log().calls("address.remove")).isEmpty();
    assertThat(ADDRESSES.addresses(ETH0)).containsExactlyInAnyOrder(CP_VIP, CP_VIP6, SERVICE_VIP);
  }

  private long passes() {
    return context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
        .get("kube_vip_service_reconcile_duration").timer().count();
  }
}
