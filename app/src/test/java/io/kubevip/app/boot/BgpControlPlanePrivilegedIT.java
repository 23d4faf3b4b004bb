// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.testkit.netns.BirdRouter;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real managers (real speaker, real addresses) in this JVM with their BGP and address side in the nodes'
 * namespaces ({@code kubevip_netns}, sessions bound to {@code bgp_sourceip}, an address that exists only there),
 * peering with BIRD 2 in the {@code client} namespace (the router, 10.99.0.100, AS 65000). Routes are checked in
 * the router's kernel FIB; nothing is sent from the root namespace.
 */
@NetnsTopology(nodes = 2, client = true)
class BgpControlPlanePrivilegedIT {
  private static final String ROUTER = Topology.CLIENT;
  private static final String VIP = "10.99.100.10";
  private static BirdRouter bird;
  private final List<ConfigurableApplicationContext> managers = new ArrayList<>();
  private MockApi api;

  @BeforeAll
  static void startBird(Topology t, @TempDir Path dir) throws Exception {
    bird = new BirdRouter(t, ROUTER, dir).start(
        "protocol bgp kvn1 from kv { neighbor 10.99.0.11 as 65001; }\n"
        + "protocol bgp kvn2 from kv { neighbor 10.99.0.12 as 65001; }\n");
  }

  @AfterAll
  static void stopBird() throws Exception {
    if (bird != null) {
      bird.close();
    }
  }

  @AfterEach
  void stopManagers() {
    managers.forEach(ConfigurableApplicationContext::close);
    managers.clear();
    if (api != null) {
      api.close();
    }
  }

  private ConfigurableApplicationContext manager(Topology t, String role, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("bgp_enable", "true", "cp_enable", "true", "address", VIP,
        "vip_interface", "lo", "vip_nodename", role, "kubevip_netns", t.ns(role), "prometheus_server", "127.0.0.1:0",
        "bgp_as", "65001", "bgp_routerid", t.ipv4(role), "bgp_sourceip", t.ipv4(role)));
    env.putAll(Map.of("bgp_peers", t.ipv4(ROUTER) + ":65000", "bgp_hold_time", "3", "bgp_keepalive_interval", "1"));
    env.putAll(extra);
    SpringApplication app = new SpringApplication(KubevipApplication.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(env), FeatureAvailability.current()));
    ConfigurableApplicationContext c = app.run();
    managers.add(c);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static List<String> gateways(Topology t) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : t.ipJson(ROUTER, "-4", "route", "show", "proto", "bird")) {
      if (!VIP.equals(r.get("dst"))) {
        continue;
      }
      if (r.get("gateway") != null) {
        out.add(String.valueOf(r.get("gateway")));
      }
      if (r.get("nexthops") instanceof List<?> hops) {
        hops.forEach(h -> out.add(String.valueOf(((Map<String, Object>) h).get("gateway"))));
      }
    }
    return out;
  }

  private static boolean vipOnLo(Topology t, String role) {
    return t.ipJson(role, "addr", "show", "dev", "lo").stream()
        .flatMap(link -> ((List<?>) link.get("addr_info")).stream())
        .anyMatch(a -> VIP.equals(((Map<?, ?>) a).get("local")));
  }

  private static String birdLog() throws IOException {
    return bird.logText();
  }

  @Test
  void givenTwoManagersWithoutElection_whenBothRun_thenEcmpAndShutdownWithdrawsWithMessage(Topology t)
      throws Exception {
    manager(t, "n1", Map.of());
    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t).equals(List.of(t.ipv4("n1"))));
    assertThat(vipOnLo(t, "n1")).isTrue();

    ConfigurableApplicationContext n2 = manager(t, "n2", Map.of());
    await().atMost(Duration.ofSeconds(20))
        .until(() -> gateways(t).stream().sorted().toList().equals(List.of(t.ipv4("n1"), t.ipv4("n2"))));

    n2.close(); // what the SIGTERM hook does
    managers.remove(n2);
    await().atMost(Duration.ofSeconds(5)).until(() -> gateways(t).equals(List.of(t.ipv4("n1"))));
    assertThat(vipOnLo(t, "n2")).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> birdLog().contains("kube-vip shutting down"));
  }

  @Test
  void givenManagerProcessInTheNodesNamespace_whenSigterm_thenRouteWithdrawnAndBirdLogsTheMessage(Topology t,
      @TempDir Path work) throws Exception {
    Path jar = Path.of("target", "kubevip.jar").toAbsolutePath();
    assertThat(jar).exists();
    // the whole process runs inside n1: every socket it opens is n1's; bound to bgp_sourceip, as the speaker insists
    // under kubevip.refuseRootNamespace
    ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", t.ns("n1"),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-Dkubevip.refuseRootNamespace=true", "-jar", jar.toString(), "manager").directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("manager.log").toFile());
    pb.environment().clear();
    pb.environment().putAll(Map.of("bgp_enable", "true", "cp_enable", "true", "address", VIP, "vip_interface", "lo",
        "vip_nodename", "n1", "bgp_as", "65001", "bgp_routerid", t.ipv4("n1"), "bgp_peers", t.ipv4(ROUTER) + ":65000",
        "prometheus_server", "127.0.0.1:0", "bgp_sourceip", t.ipv4("n1")));
    Process manager = pb.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> gateways(t).equals(List.of(t.ipv4("n1"))));
      assertThat(vipOnLo(t, "n1")).isTrue();
      int before = birdLog().split("kube-vip shutting down", -1).length;
      manager.destroy(); // SIGTERM
      assertThat(manager.waitFor(30, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> gateways(t).isEmpty());
      assertThat(vipOnLo(t, "n1")).isFalse();
      await().atMost(Duration.ofSeconds(5))
          .until(() -> birdLog().split("kube-vip shutting down", -1).length > before);
    } catch (AssertionError | RuntimeException e) {
      System.out.println("---- manager.log ----\n" + Files.readString(work.resolve("manager.log")));
      throw e;
    } finally {
      if (manager.isAlive()) {
        manager.destroyForcibly();
      }
    }
  }

  @Test
  void givenTwoManagersWithElection_whenTheLeaderStops_thenOnlyTheNewLeaderAdvertises(Topology t) {
    api = new MockApi();
    Map<String, String> elected = Map.of("vip_leaderelection", "true", "k8s_config_file", api.kubeconfig.toString(),
        "vip_leaseduration", "3", "vip_renewdeadline", "2", "vip_retryperiod", "1");
    ConfigurableApplicationContext n1 = manager(t, "n1", elected);
    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t).equals(List.of(t.ipv4("n1"))));
    manager(t, "n2", elected);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> gateways(t).equals(List.of(t.ipv4("n1"))));
    assertThat(vipOnLo(t, "n2")).isFalse();

    n1.close();
    managers.remove(n1);
    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t).equals(List.of(t.ipv4("n2"))));
    assertThat(vipOnLo(t, "n1")).isFalse();
    assertThat(vipOnLo(t, "n2")).isTrue();
  }
}
