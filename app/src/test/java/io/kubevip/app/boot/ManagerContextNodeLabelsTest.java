// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * {@code enable_node_labeling} in the real manager context (control plane and Services in ARP mode, fake interface,
 * fabric8 mock API): the leader's Node carries {@code kube-vip.io/has-ip}, the node serving a Service carries
 * {@code service-provided.kube-vip.io/<svc>.<ns>} while it does, and shutdown takes both off.
 */
class ManagerContextNodeLabelsTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress CP_VIP = VipAddress.parse("192.0.2.10");
  private static final String HAS_IP = "kube-vip.io/has-ip";
  private static final String WEB = "service-provided.kube-vip.io/web.default";
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final FakeVipAddressPort ADDRESSES = new FakeVipAddressPort(ETH0);
  private final MockApi api = new MockApi();
  private ConfigurableApplicationContext context;

  @Configuration(proxyBeanMethods = false)
  static class FakeNetwork {
    @Bean
    @Primary
    ArpDataPlane fakeLabelledDataPlane() {
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
  void givenNodeLabelling_whenLeadingAndServing_thenNodeIsLabelled_andShutdownRemovesTheLabels() {
    api.readyNode("node-a", Map.of("kubernetes.io/hostname", "node-a"));
    api.pools(Map.of("range-global", "198.51.100.20-198.51.100.29"));
    SpringApplication app = new SpringApplication(KubevipApplication.class, FakeNetwork.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(Map.ofEntries(Map.entry("vip_arp", "true"),
        Map.entry("cp_enable", "true"), Map.entry("address", "192.0.2.10"), Map.entry("svc_enable", "true"),
        Map.entry("enable_node_labeling", "true"),
        Map.entry("vip_nodename", "node-a"), Map.entry("prometheus_server", "127.0.0.1:0"),
        Map.entry("vip_interface", "eth0"), Map.entry("vip_leaseduration", "3"), Map.entry("vip_renewdeadline", "2"),
        Map.entry("vip_retryperiod", "1"), Map.entry("k8s_config_file", api.kubeconfig.toString()))),
        FeatureAvailability.current()));
    context = app.run();
    await().atMost(PATIENCE).until(() -> ADDRESSES.addresses(ETH0).contains(CP_VIP));
    await().atMost(PATIENCE).until(() -> "192.0.2.10".equals(labels().get(HAS_IP)));

    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web").endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
    await().atMost(PATIENCE).until(() -> allocated() != null);
    VipAddress vip = VipAddress.parse(allocated());
    await().atMost(PATIENCE).until(() -> vip.hostText().equals(labels().get(WEB)));

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(PATIENCE).until(() -> !labels().containsKey(WEB));
    assertThat(labels()).containsEntry(HAS_IP, "192.0.2.10");

    context.close();
    context = null;
    assertThat(labels()).doesNotContainKey(HAS_IP).containsEntry("kubernetes.io/hostname", "node-a");
  }

  // The mock API server keeps a label removed by a JSON merge patch as a key with a null value; a real API server
  // drops it. Null-valued labels count as absent.
  private Map<String, String> labels() {
    Node n = api.client.nodes().withName("node-a").get();
    Map<String, String> out = new HashMap<>();
    if (n.getMetadata().getLabels() != null) {
      n.getMetadata().getLabels().forEach((k, v) -> {
        if (v != null) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  private String allocated() {
    Service s = api.client.services().inNamespace("default").withName("web").get();
    return s == null || s.getMetadata().getAnnotations() == null ? null
        : s.getMetadata().getAnnotations().get("kube-vip.io/loadbalancerIPs");
  }
}
