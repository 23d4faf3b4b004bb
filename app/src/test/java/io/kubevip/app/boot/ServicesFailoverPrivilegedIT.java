// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
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
 * Two real managers with {@code svc_enable} (real ARP data plane) in this JVM, each with its data plane in its own
 * throw-away namespace ({@code kubevip_netns}) on one test LAN, over the mock API on loopback: a LoadBalancer Service
 * gets an address from the pool, the client's neighbour entry for it carries the owner's MAC, and when the owner
 * shuts down the other node takes it over. Addresses only in 10.99.0.0/24 inside the topology.
 */
@NetnsTopology(nodes = 2, client = true)
class ServicesFailoverPrivilegedIT {
  private static final String LB_IPS = "kube-vip.io/loadbalancerIPs";
  private final MockApi api = new MockApi();
  private ConfigurableApplicationContext n1;
  private ConfigurableApplicationContext n2;

  @AfterEach
  void stop() {
    if (n1 != null) {
      n1.close();
    }
    if (n2 != null) {
      n2.close();
    }
    api.close();
  }

  private ConfigurableApplicationContext manager(Topology t, String role) {
    SpringApplication app = new SpringApplication(KubevipApplication.class);
    Map<String, String> env = new HashMap<>(Map.of("vip_arp", "true", "svc_enable", "true",
        "vip_interface", "eth0", "vip_nodename", role, "kubevip_netns", t.ns(role),
        "prometheus_server", "127.0.0.1:0", "k8s_config_file", api.kubeconfig.toString()));
    env.putAll(Map.of("vip_leaseduration", "3", "vip_renewdeadline", "2", "vip_retryperiod", "1"));
    app.addInitializers(new KubevipContextInitializer(Configs.config(env), FeatureAvailability.current()));
    return app.run();
  }

  private static boolean hasVip(Topology t, String role, String vip) {
    return t.ipJson(role, "addr", "show", "dev", "eth0").stream()
        .flatMap(link -> ((List<?>) link.get("addr_info")).stream())
        .anyMatch(a -> vip.equals(((Map<?, ?>) a).get("local")));
  }

  private static String clientSeesVipAt(Topology t, String vip) {
    List<Map<String, Object>> n = t.ipJson(Topology.CLIENT, "neigh", "show", vip, "dev", "eth0");
    return n.isEmpty() ? "" : String.valueOf(n.get(0).get("lladdr"));
  }

  private String allocated(String name) {
    Service s = api.client.services().inNamespace("default").withName(name).get();
    return s == null || s.getMetadata().getAnnotations() == null ? null : s.getMetadata().getAnnotations().get(LB_IPS);
  }

  @Test
  void givenTwoManagers_whenServiceCreatedAndOwnerShutsDown_thenClientReachesTheOwnerThenTheSurvivor(Topology t) {
    for (String node : List.of("n1", "n2")) {
      api.readyNode(node);
    }
    api.pools(Map.of("range-global", "10.99.0.210-10.99.0.219"));
    n1 = manager(t, "n1");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.holder("kube-system", "plndr-svcs-lock").isPresent());
    n2 = manager(t, "n2");
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web").endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();

    await().atMost(Duration.ofSeconds(15)).until(() -> allocated("web") != null);
    String vip = allocated("web");
    assertThat(vip).startsWith("10.99.0.21");
    String owner = api.holder("kube-system", "plndr-svcs-lock").orElseThrow();
    String other = owner.equals("n1") ? "n2" : "n1";
    await().atMost(Duration.ofSeconds(10)).until(() -> hasVip(t, owner, vip));
    assertThat(t.exec(Topology.CLIENT, "ping", "-c", "1", "-W", "2", vip).exitCode()).isZero();
    assertThat(clientSeesVipAt(t, vip)).isEqualTo(t.mac(owner));
    assertThat(hasVip(t, other, vip)).isFalse();

    if (owner.equals("n1")) {
      n1.close();
      n1 = null;
    } else {
      n2.close();
      n2 = null;
    }

    assertThat(hasVip(t, owner, vip)).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> hasVip(t, other, vip));
    await().atMost(Duration.ofSeconds(10)).until(() -> t.mac(other).equals(clientSeesVipAt(t, vip)));
    assertThat(t.exec(Topology.CLIENT, "ping", "-c", "1", "-W", "2", vip).exitCode()).isZero();
  }
}
