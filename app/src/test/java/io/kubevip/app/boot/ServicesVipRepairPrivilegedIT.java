// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real manager with {@code svc_enable} and its data plane in namespace n1 ({@code kubevip_netns}), over the mock
 * API on loopback. n1 has eth0 (the LAN, 10.99.0.0/24) and aux0 (a veth pair inside n1, no address), which is
 * {@code vip_interface}: a Service with {@code kube-vip.io/serviceInterface: auto} asking for 10.99.0.230 lands on
 * eth0, and when someone deletes it ({@code ip addr del}) it is back within a second, long before the next safety
 * pass ({@code vip_retryperiod} 10 s).
 */
@NetnsTopology(nodes = 1, client = false)
class ServicesVipRepairPrivilegedIT {
  private static final String VIP = "10.99.0.230";
  private final MockApi api = new MockApi();
  private ConfigurableApplicationContext n1;

  @AfterEach
  void stop() {
    if (n1 != null) {
      n1.close();
    }
    api.close();
  }

  private ConfigurableApplicationContext manager(Topology t) {
    SpringApplication app = new SpringApplication(KubevipApplication.class);
    Map<String, String> env = new HashMap<>(Map.of("vip_arp", "true", "svc_enable", "true",
        "vip_interface", "aux0", "vip_nodename", "n1", "kubevip_netns", t.ns("n1"),
        "prometheus_server", "127.0.0.1:0", "k8s_config_file", api.kubeconfig.toString()));
    env.putAll(Map.of("vip_leaseduration", "30", "vip_renewdeadline", "20", "vip_retryperiod", "10"));
    app.addInitializers(new KubevipContextInitializer(Configs.config(env), FeatureAvailability.current()));
    return app.run();
  }

  private static boolean hasVip(Topology t, String dev) {
    return t.ipJson("n1", "addr", "show", "dev", dev).stream()
        .flatMap(link -> ((List<?>) link.get("addr_info")).stream())
        .anyMatch(a -> VIP.equals(((Map<?, ?>) a).get("local")));
  }

  @Test
  void givenAutoInterfaceServiceVip_whenDeletedWithIpAddrDel_thenOnTheSubnetsInterfaceAgainWithinASecond(Topology t) {
    t.ip("n1", "link", "add", "aux0", "type", "veth", "peer", "name", "aux0p");
    t.ip("n1", "link", "set", "aux0p", "up");
    t.ip("n1", "link", "set", "aux0", "up");
    api.readyNode("n1");
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web")
        .addToAnnotations("kube-vip.io/loadbalancerIPs", VIP).addToAnnotations("kube-vip.io/serviceInterface", "auto")
        .endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
    n1 = manager(t);
    await().atMost(Duration.ofSeconds(20)).until(() -> hasVip(t, "eth0"));
    await().atMost(Duration.ofSeconds(5)).until(() -> "n1".equals(vipHost()));

    t.ip("n1", "addr", "del", VIP + "/32", "dev", "eth0");

    await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> hasVip(t, "eth0"));
    assertThat(hasVip(t, "aux0")).isFalse();
  }

  private String vipHost() {
    var s = api.client.services().inNamespace("default").withName("web").get();
    return s == null || s.getMetadata().getAnnotations() == null ? null
        : s.getMetadata().getAnnotations().get("kube-vip.io/vipHost");
  }
}
