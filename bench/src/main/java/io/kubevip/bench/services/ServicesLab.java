// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.manifest.ManifestOptions;
import io.kubevip.lab.LabTopology;
import io.kubevip.lab.ManagerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mock API lacks and a cluster would have (Ready Node objects, the {@code kubevip} ConfigMap with a global
 * pool) and one Services-only {@code kubevip manager} per node, started with the JVM options the manifests ship.
 */
final class ServicesLab implements AutoCloseable {
  static final String SERVICE_NAMESPACE = "default";
  static final String LEASE_NAMESPACE = "kube-system";
  static final String SERVICES_LEASE = "plndr-svcs-lock";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final LabTopology topology;
  private final KubernetesClient client;
  private final Map<String, ManagerProcess> managers = new LinkedHashMap<>();

  ServicesLab(LabTopology topology, KubernetesClient client) {
    this.topology = topology;
    this.client = client;
  }

  /**
   * The manifests' options, after the lab's own child options so they win (-Xmx96m over the lab's -Xmx192m), and
   * {@code -XX:TieredStopAtLevel=4} to undo the lab's C1-only setting if the manifests ever stop shipping their own.
   */
  static List<String> manifestJvmOptions() {
    List<String> opts = new ArrayList<>(List.of(ManifestOptions.DEFAULT_JVM_OPTIONS.split("\\s+")));
    opts.removeIf(o -> o.startsWith("--enable-native-access")); // the lab's launcher passes it already
    if (opts.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel="))) {
      opts.add("-XX:TieredStopAtLevel=4");
    }
    return opts;
  }

  /** What the managers run with: the manifests' options, then the experiment's extras. */
  static List<String> jvmOptions(ScaleOptions o) {
    List<String> opts = manifestJvmOptions();
    opts.addAll(o.extraJvmOptions());
    return opts;
  }

  void createClusterObjects(String pool) {
    for (String node : topology.nodes()) {
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
          .create();
    }
    client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withNamespace("kube-system").withName("kubevip").endMetadata()
        .withData(Map.of("cidr-global", pool)).build()).create();
  }

  void startManagers(ScaleOptions o, Path kubeconfig, Path work) {
    Map<String, String> env = new HashMap<>(Map.of("cp_enable", "", "address", "", "svc_enable", "true"));
    env.put("svc_election", String.valueOf(o.serviceElection()));
    env.putAll(o.extraEnvironment());
    ManagerProcess.Config config = new ManagerProcess.Config(o.kubevipJar(), "10.99.0.50", kubeconfig, o.lease(),
        o.renew(), o.retry(), jvmOptions(o)).withEnvironment(env);
    for (String node : topology.nodes()) {
      ManagerProcess m = ManagerProcess.start(topology, node, config, work, 1);
      managers.put(node, m);
      if (o.precreate()) {
        m.awaitReady(topology, READY_TIMEOUT); // one initial LIST of N Services at a time: the mock API is slow at N
      }
    }
    for (ManagerProcess m : managers.values()) {
      m.awaitReady(topology, READY_TIMEOUT);
    }
  }

  Map<String, ManagerProcess> managers() {
    return managers;
  }

  Optional<String> servicesLeaseHolder() {
    Lease l = client.resources(Lease.class).inNamespace(LEASE_NAMESPACE).withName(SERVICES_LEASE).get();
    return Optional.ofNullable(l).map(x -> x.getSpec().getHolderIdentity()).filter(h -> !h.isBlank());
  }

  /** POSTs one LoadBalancer Service that names no address (the allocator picks one); returns when the API answered. */
  void createService(String name) {
    client.services().inNamespace(SERVICE_NAMESPACE).resource(new ServiceBuilder()
        .withNewMetadata().withNamespace(SERVICE_NAMESPACE).withName(name).withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec()
        .build()).create();
  }

  /** Service name → first address of {@code kube-vip.io/loadbalancerIPs}, for every Service that has one. */
  Map<String, String> allocatedAddresses() {
    Map<String, String> out = new HashMap<>();
    client.services().inNamespace(SERVICE_NAMESPACE).list().getItems().forEach(s -> {
      Map<String, String> ann = s.getMetadata().getAnnotations();
      String ips = ann == null ? null : ann.get(ServiceWatch.LB_IPS);
      if (ips != null && !ips.isBlank()) {
        out.put(s.getMetadata().getName(), ips.split(",")[0].strip());
      }
    });
    return out;
  }

  /** Metrics text of a node's manager, fetched inside its namespace; empty when it does not answer. */
  String metrics(String node) {
    return topology.exec(node, "curl", "-s", "--max-time", "10", "http://127.0.0.1:2112/metrics").stdout();
  }

  /** SIGKILL: the run is over and the namespaces go next; a graceful withdrawal of N addresses is not measured. */
  @Override
  public void close() {
    managers.values().forEach(ManagerProcess::kill);
    managers.clear();
  }
}
