// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real managers (real ARP data plane) in this JVM, each with its data plane in its own throw-away namespace
 * ({@code kubevip_netns}) on one test LAN, electing over the mock API on loopback. Nothing touches the root
 * namespace's links or addresses: the VIP lives in 10.99.0.0/24 inside the topology only.
 */
@NetnsTopology(nodes = 2, client = true)
class ControlPlaneFailoverPrivilegedIT {
  private static final String VIP = "10.99.0.200";
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
    Map<String, String> env = new java.util.HashMap<>(Map.of("vip_arp", "true", "cp_enable", "true",
        "address", VIP, "vip_interface", "eth0", "vip_nodename", role, "kubevip_netns", t.ns(role),
        "prometheus_server", "127.0.0.1:0", "k8s_config_file", api.kubeconfig.toString()));
    env.putAll(Map.of("vip_leaseduration", "3", "vip_renewdeadline", "2", "vip_retryperiod", "1"));
    app.addInitializers(new KubevipContextInitializer(Configs.config(env), FeatureAvailability.current()));
    return app.run();
  }

  private static boolean hasVip(Topology t, String role) {
    return t.ipJson(role, "addr", "show", "dev", "eth0").stream()
        .flatMap(link -> ((List<?>) link.get("addr_info")).stream())
        .anyMatch(a -> VIP.equals(((Map<?, ?>) a).get("local")));
  }

  private static String clientSeesVipAt(Topology t) {
    List<Map<String, Object>> n = t.ipJson(Topology.CLIENT, "neigh", "show", VIP, "dev", "eth0");
    return n.isEmpty() ? "" : String.valueOf(n.get(0).get("lladdr"));
  }

  @Test
  void givenTwoManagers_whenTheLeaderShutsDown_thenTheVipMovesAndTheClientFollowsTheGratuitousArp(Topology t) {
    n1 = manager(t, "n1");
    await().atMost(Duration.ofSeconds(15)).until(() -> hasVip(t, "n1"));
    n2 = manager(t, "n2");
    assertThat(t.exec(Topology.CLIENT, "ping", "-c", "1", "-W", "2", VIP).exitCode()).isZero();
    assertThat(clientSeesVipAt(t)).isEqualTo(t.mac("n1"));
    assertThat(hasVip(t, "n2")).isFalse();
    assertThat(api.holder("kube-system", "plndr-cp-lock")).contains("n1");

    n1.close();
    n1 = null;

    assertThat(hasVip(t, "n1")).isFalse();
    await().atMost(Duration.ofSeconds(3)).until(() -> hasVip(t, "n2"));
    await().atMost(Duration.ofSeconds(5)).until(() -> t.mac("n2").equals(clientSeesVipAt(t)));
    assertThat(t.exec(Topology.CLIENT, "ping", "-c", "1", "-W", "2", VIP).exitCode()).isZero();
  }
}
