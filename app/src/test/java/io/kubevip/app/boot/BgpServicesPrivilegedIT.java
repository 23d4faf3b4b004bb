// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.kubevip.app.config.Configs;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.testkit.netns.BirdRouter;
import io.kubevip.testkit.netns.NetnsTopology;
import io.kubevip.testkit.netns.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * LoadBalancer Services over BGP end to end: two real managers in this JVM (real speaker and addresses in the
 * nodes' namespaces through {@code kubevip_netns}, sessions bound to {@code bgp_sourceip}), one fabric8 mock API on
 * loopback with the pool in the {@code kubevip} ConfigMap, BIRD 2 in the {@code client} namespace as the router
 * (AS 65000, {@code merge paths on}). Routes are read from the router's kernel FIB; nothing is sent from the root
 * namespace.
 */
@NetnsTopology(nodes = 2, client = true)
class BgpServicesPrivilegedIT {
  private static final String ROUTER = Topology.CLIENT;
  private static final String LB_IPS = "kube-vip.io/loadbalancerIPs";
  private static BirdRouter bird;
  private final List<ConfigurableApplicationContext> managers = new ArrayList<>();
  private MockApi api;

  @BeforeAll
  static void startBird(Topology t, @TempDir Path dir) throws Exception {
    bird = new BirdRouter(t, ROUTER, dir).start(
        "protocol bgp kvn1 from kv { neighbor " + t.ipv4("n1") + " as 65001; }\n"
        + "protocol bgp kvn2 from kv { neighbor " + t.ipv4("n2") + " as 65001; }\n");
  }

  @AfterAll
  static void stopBird() throws Exception {
    if (bird != null) {
      bird.close();
    }
  }

  @BeforeEach
  void cluster() {
    api = new MockApi();
    for (String node : List.of("n1", "n2")) {
      api.readyNode(node);
    }
    api.pools(Map.of("range-global", "10.99.200.10-10.99.200.19"));
  }

  @AfterEach
  void stopManagers() {
    managers.forEach(ConfigurableApplicationContext::close);
    managers.clear();
    try {
      api.close();
    } catch (IllegalStateException e) {
      // fabric8's mock server waits on its event loop for closed watches; on a starved machine that can outlast its
      // shutdown timeout. It is test plumbing on loopback, not behaviour under test; the namespaces go anyway.
      System.out.println("mock API did not shut down cleanly: " + e.getMessage());
    }
  }

  private void manager(Topology t, String role, boolean serviceElection) {
    Map<String, String> env = new HashMap<>(Map.of("bgp_enable", "true", "svc_enable", "true",
        "svc_election", Boolean.toString(serviceElection), "vip_interface", "lo", "vip_nodename", role,
        "kubevip_netns", t.ns(role), "prometheus_server", "127.0.0.1:0", "bgp_as", "65001",
        "bgp_routerid", t.ipv4(role), "bgp_sourceip", t.ipv4(role)));
    env.putAll(Map.of("bgp_peers", t.ipv4(ROUTER) + ":65000", "bgp_hold_time", "3", "bgp_keepalive_interval", "1",
        "k8s_config_file", api.kubeconfig.toString(), "vip_leaseduration", "3", "vip_renewdeadline", "2",
        "vip_retryperiod", "1"));
    SpringApplication app = new SpringApplication(KubevipApplication.class);
    app.addInitializers(new KubevipContextInitializer(Configs.config(env), FeatureAvailability.current()));
    managers.add(app.run());
  }

  private void twoManagers(Topology t, boolean serviceElection) {
    manager(t, "n1", serviceElection);
    await().atMost(Duration.ofSeconds(15)).until(() -> api.holder("kube-system", "plndr-svcs-lock").isPresent());
    manager(t, "n2", serviceElection);
    await().atMost(Duration.ofSeconds(15)).until(() -> api.holder("kube-system", "kubevip-node-n2").isPresent());
  }

  private String createService() {
    return createService("Cluster");
  }

  private String createService(String trafficPolicy) {
    api.client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withNamespace("default").withName("web").withUid("uid-web").endMetadata()
        .withNewSpec().withType("LoadBalancer").withExternalTrafficPolicy(trafficPolicy).addNewPort()
        .withProtocol("TCP").withPort(80).endPort().endSpec().build()).create();
    await().atMost(Duration.ofSeconds(15)).until(() -> annotation(LB_IPS) != null);
    String vip = annotation(LB_IPS);
    assertThat(vip).startsWith("10.99.200.1");
    return vip;
  }

  /** The Service's one EndpointSlice, with a ready endpoint on {@code node}. */
  private void endpointOn(String node) {
    api.client.discovery().v1().endpointSlices().inNamespace("default").resource(new EndpointSliceBuilder()
        .withNewMetadata().withNamespace("default").withName("web-1")
        .withLabels(Map.of("kubernetes.io/service-name", "web"))
        .addNewOwnerReference().withApiVersion("v1").withKind("Service").withName("web").withUid("uid-web")
        .endOwnerReference().endMetadata()
        .withAddressType("IPv4").addToEndpoints(new EndpointBuilder().withAddresses("10.244.0.1").withNodeName(node)
            .withNewConditions().withReady(true).endConditions().build()).build()).createOr(NonDeletingOperation::update);
  }

  private String annotation(String key) {
    Service s = api.client.services().inNamespace("default").withName("web").get();
    return s == null || s.getMetadata().getAnnotations() == null ? null : s.getMetadata().getAnnotations().get(key);
  }

  private List<String> ingress() {
    Service s = api.client.services().inNamespace("default").withName("web").get();
    return Optional.ofNullable(s.getStatus()).map(st -> st.getLoadBalancer()).map(lb -> lb.getIngress())
        .orElse(List.of()).stream().map(LoadBalancerIngress::getIp).toList();
  }

  /** Next hops of {@code vip} in the router's kernel FIB, sorted. */
  @SuppressWarnings("unchecked")
  private static List<String> gateways(Topology t, String vip) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : t.ipJson(ROUTER, "-4", "route", "show", "proto", "bird")) {
      if (!vip.equals(r.get("dst"))) {
        continue;
      }
      if (r.get("gateway") != null) {
        out.add(String.valueOf(r.get("gateway")));
      }
      if (r.get("nexthops") instanceof List<?> hops) {
        hops.forEach(h -> out.add(String.valueOf(((Map<String, Object>) h).get("gateway"))));
      }
    }
    return out.stream().sorted().toList();
  }

  private static boolean vipOnLo(Topology t, String role, String vip) {
    return t.ipJson(role, "addr", "show", "dev", "lo").stream()
        .flatMap(link -> ((List<?>) link.get("addr_info")).stream())
        .anyMatch(a -> vip.equals(((Map<?, ?>) a).get("local")));
  }

  @Test
  void givenTwoManagersWithoutServiceElection_whenServiceCreated_thenEcmpViaBothNodes_andShutdownAndDeleteWithdraw(
      Topology t) {
    twoManagers(t, false);
    String vip = createService();

    List<String> both = List.of(t.ipv4("n1"), t.ipv4("n2")).stream().sorted().toList();
    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t, vip).equals(both));
    assertThat(vipOnLo(t, "n1", vip)).isTrue();
    assertThat(vipOnLo(t, "n2", vip)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> ingress().contains(vip));
    assertThat(annotation("kube-vip.io/vipHost")).isNull();

    ConfigurableApplicationContext n2 = managers.remove(1);
    n2.close(); // what the SIGTERM hook does: withdraw, remove the address, then Cease
    assertThat(vipOnLo(t, "n2", vip)).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways(t, vip).equals(List.of(t.ipv4("n1"))));

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways(t, vip).isEmpty());
    await().atMost(Duration.ofSeconds(5)).until(() -> !vipOnLo(t, "n1", vip));
  }

  @Test
  void givenTwoManagersWithServiceElection_whenServiceCreated_thenOnlyThePlacedOwnerIsANextHop_andDeleteRemovesIt(
      Topology t) {
    twoManagers(t, true);
    String vip = createService();

    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t, vip).size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> annotation("kube-vip.io/vipHost") != null);
    String owner = annotation("kube-vip.io/vipHost");
    String other = owner.equals("n1") ? "n2" : "n1";
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> gateways(t, vip).equals(List.of(t.ipv4(owner))));
    assertThat(vipOnLo(t, owner, vip)).isTrue();
    assertThat(vipOnLo(t, other, vip)).isFalse();

    api.client.services().inNamespace("default").withName("web").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> gateways(t, vip).isEmpty());
    await().atMost(Duration.ofSeconds(5)).until(() -> !vipOnLo(t, owner, vip));
  }

  @Test
  void givenLocalServiceWithoutServiceElection_whenTheEndpointMoves_thenTheNextHopFollowsIt(Topology t) {
    twoManagers(t, false);
    endpointOn("n2");
    String vip = createService("Local");

    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t, vip).equals(List.of(t.ipv4("n2"))));
    assertThat(vipOnLo(t, "n1", vip)).isFalse();

    endpointOn("n1");
    await().atMost(Duration.ofSeconds(20)).until(() -> gateways(t, vip).equals(List.of(t.ipv4("n1"))));
    await().atMost(Duration.ofSeconds(5)).until(() -> !vipOnLo(t, "n2", vip) && vipOnLo(t, "n1", vip));
  }
}
