// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Three Services-only managers ({@code svc_enable=true}, no control-plane VIP) in one lab, with the Nodes and the
 * {@code kube-system/kubevip} pool ConfigMap the mock API cannot make itself, and what the Services end-to-end tests
 * read back: the Services' annotations, Events and Leases, and (with {@link LanView}) whether each VIP is answered by
 * exactly the node named in its {@code kube-vip.io/vipHost}. The test JVM only talks to the API through
 * {@link ApiServerProcess#client()} (loopback).
 */
final class ServicesLab implements AutoCloseable {
  static final String LB_IPS = "kube-vip.io/loadbalancerIPs";
  static final String VIP_HOST = "kube-vip.io/vipHost";
  static final String SVC_LEASE = "plndr-svcs-lock";
  static final Duration LEASE = Duration.ofSeconds(3);
  static final Duration RENEW = Duration.ofSeconds(2);
  static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final String tag;
  private final Map<String, ManagerProcess> managers = new ConcurrentHashMap<>();
  private final Map<String, Integer> starts = new ConcurrentHashMap<>();
  private final Thread hook = new Thread(this::close, "services-lab-teardown");
  private LabTopology topology;
  private LanView lan;
  private ApiServerProcess api;
  private ManagerProcess.Config config;
  private Path work;
  private boolean closed;

  private ServicesLab(String tag) {
    this.tag = tag;
  }

  /**
   * Builds the lab, creates Ready Nodes node1..node3 and the pool ConfigMap, starts the managers and waits for their
   * /readyz; logs go to {@code target/services-it/<lab id>/}. {@code environment} is merged over the Services-only
   * manifest environment (e.g. {@code svc_election}).
   */
  static ServicesLab start(String tag, Map<String, String> environment, Map<String, String> pools) {
    Path jar = Path.of(System.getProperty("kubevip.jar", "../app/target/kubevip.jar")).toAbsolutePath().normalize();
    assertThat(jar).as("the manager jar (build app first: ./mvnw -pl app -am package)").isRegularFile();
    ServicesLab lab = new ServicesLab(tag);
    Runtime.getRuntime().addShutdownHook(lab.hook);
    try {
      lab.bringUp(Path.of("target", "services-it").toAbsolutePath(), jar, environment, pools);
      return lab;
    } catch (RuntimeException | Error e) {
      lab.close();
      throw e;
    }
  }

  private void bringUp(Path workDir, Path jar, Map<String, String> environment, Map<String, String> pools) {
    LabTopology planned = LabTopology.plan(3);
    synchronized (this) {
      topology = planned;
    }
    topology.create();
    lan = new LanView(topology);
    work = workDir.resolve(topology.prefix().replace("-", ""));
    try {
      Files.createDirectories(work);
    } catch (java.io.IOException e) {
      throw new LabException("cannot create " + work + ": " + e.getMessage(), e);
    }
    log("namespaces " + topology.namespaces() + ", logs in " + work);
    api = ApiServerProcess.start(topology, work, START_TIMEOUT);
    for (String node : topology.nodes()) {
      client().nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
          .build()).create();
    }
    client().configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withNamespace("kube-system").withName("kubevip").endMetadata().withData(pools).build()).create();
    Map<String, String> env = new LinkedHashMap<>(Map.of("cp_enable", "", "address", "", "svc_enable", "true"));
    env.putAll(environment);
    config = new ManagerProcess.Config(jar, "", api.kubeconfig(), LEASE, RENEW, RETRY, List.of())
        .withEnvironment(env);
    for (String node : topology.nodes()) {
      startManager(node);
    }
    for (ManagerProcess m : managers.values()) {
      m.awaitReady(topology, START_TIMEOUT);
    }
    // Every node must have seen every other one live before the first Service: a node that places a VIP while its
    // picture of the live nodes differs keeps that choice (see ServicesBurstPlacementPrivilegedIT), and the VIP can
    // stay unannounced. Leases valid for two retry periods in a row have reached every node's informer.
    org.awaitility.Awaitility.await().during(RETRY.multipliedBy(2)).atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200)).until(() -> topology.nodes().stream().allMatch(this::livenessValid));
    log("managers ready, every liveness Lease valid");
  }

  void log(String line) {
    System.out.println("[" + tag + "] " + line);
  }

  LabTopology topology() {
    return topology;
  }

  /** What the data LAN shows: addresses on the nodes, the client's neighbour entries. */
  LanView lan() {
    return lan;
  }

  KubernetesClient client() {
    return api.client();
  }

  ApiServerProcess api() {
    return api;
  }

  List<String> nodes() {
    return topology.nodes();
  }

  ManagerProcess manager(String node) {
    return managers.get(node);
  }

  private ManagerProcess startManager(String node) {
    int n = starts.merge(node, 1, Integer::sum);
    ManagerProcess m = ManagerProcess.start(topology, node, config, work, n);
    managers.put(node, m);
    return m;
  }

  /** SIGKILL of the manager only: whatever it added stays on the node. */
  void kill(String node) {
    managers.get(node).kill();
  }

  /** SIGSTOP: the manager stops dead (a long GC pause, a stalled VM) with every connection left open. */
  void freeze(String node) {
    Exec.run("kill", "-STOP", String.valueOf(managers.get(node).pid())).requireSuccess();
  }

  /** SIGCONT after {@link #freeze}: it carries on where it stopped, timers overdue. */
  void thaw(String node) {
    Exec.run("kill", "-CONT", String.valueOf(managers.get(node).pid())).requireSuccess();
  }

  /** SIGTERM, waiting for the exit; returns the exit code. */
  int terminate(String node) {
    return managers.get(node).terminate(Duration.ofSeconds(30));
  }

  /** A new manager on {@code node} (after a kill or stop), waited for until ready. */
  ManagerProcess restart(String node) {
    if (managers.get(node).isAlive()) {
      throw new LabException("the manager on " + node + " still runs");
    }
    ManagerProcess m = startManager(node);
    m.awaitReady(topology, START_TIMEOUT);
    return m;
  }

  // ---- Kubernetes objects ----

  /** A LoadBalancer Service with port 80/TCP (unless {@code edit} says otherwise) and a uid (the mock sets none). */
  Service createService(String namespace, String name, UnaryOperator<ServiceBuilder> edit) {
    ServiceBuilder b = new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name)
        .withUid(UUID.randomUUID().toString()).endMetadata()
        .withNewSpec().withType("LoadBalancer").addNewPort().withProtocol("TCP").withPort(80).endPort().endSpec();
    return client().services().inNamespace(namespace).resource(edit.apply(b).build()).create();
  }

  Service createService(String namespace, String name) {
    return createService(namespace, name, UnaryOperator.identity());
  }

  /**
   * {@link #createService(String, String)} that rides out a stalled API: the mock server's event loop can block for
   * many seconds when a watcher with a long event backlog disconnects (its {@code WatchEventsListener.onClosed} waits
   * for the backlog), so a request that timed out is retried; a 409 means the lost attempt did create it.
   */
  Service createServiceRetrying(String namespace, String name) {
    io.fabric8.kubernetes.client.KubernetesClientException last = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      try {
        return createService(namespace, name);
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() == 409) {
          return service(namespace, name).orElseThrow(() -> e);
        }
        last = e;
        log("create " + namespace + "/" + name + " failed (" + e.getMessage() + "), retrying");
      }
    }
    throw last;
  }

  /**
   * Creates a plain LoadBalancer Service and waits until it has an address and a {@code vipHost}, so the nodes see one
   * unrecorded VIP at a time (see {@code ServicesBurstPlacementPrivilegedIT} for what more does to placement today).
   */
  Service createAnnounced(String namespace, String name) {
    Service s = createService(namespace, name);
    org.awaitility.Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> service(namespace, name).filter(x -> !allocated(x).isEmpty())
            .map(x -> annotation(x, VIP_HOST)).filter(h -> !h.isBlank()).isPresent());
    return s;
  }

  Optional<Service> service(String namespace, String name) {
    return Optional.ofNullable(client().services().inNamespace(namespace).withName(name).get());
  }

  /** The addresses written to {@code kube-vip.io/loadbalancerIPs}, empty while none. */
  List<String> allocated(String namespace, String name) {
    return service(namespace, name).map(ServicesLab::allocated).orElse(List.of());
  }

  static List<String> allocated(Service s) {
    String v = annotation(s, LB_IPS);
    return v == null || v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).toList();
  }

  Optional<String> vipHost(String namespace, String name) {
    return service(namespace, name).map(s -> annotation(s, VIP_HOST)).filter(h -> !h.isBlank());
  }

  static String annotation(Service s, String key) {
    Map<String, String> a = s.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }

  /** An EndpointSlice of {@code service} with one endpoint per node, ready as given. */
  EndpointSlice putSlice(String namespace, String service, String slice, Map<String, Boolean> readyByNode) {
    EndpointSliceBuilder b = new EndpointSliceBuilder().withNewMetadata().withNamespace(namespace).withName(slice)
        .addToLabels("kubernetes.io/service-name", service).endMetadata().withAddressType("IPv4");
    int i = 1;
    for (Map.Entry<String, Boolean> e : readyByNode.entrySet()) {
      b.addToEndpoints(new EndpointBuilder().withAddresses("10.244." + i + ".10").withNodeName(e.getKey())
          .withNewConditions().withReady(e.getValue()).endConditions().build());
      i++;
    }
    return client().discovery().v1().endpointSlices().inNamespace(namespace).resource(b.build()).createOr(
        op -> op.update());
  }

  /** Events on the Service {@code namespace/name} (core/v1, as kubevip records them). */
  List<Event> events(String namespace, String name) {
    return client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName())).toList();
  }

  static String describe(List<Event> events) {
    return String.join("; ", events.stream().map(e -> e.getType() + " " + e.getReason() + ": " + e.getMessage())
        .toList());
  }

  Optional<String> svcLeaseHolder() {
    return lease(SVC_LEASE).map(l -> l.getSpec().getHolderIdentity()).filter(h -> !h.isBlank());
  }

  Optional<Lease> lease(String name) {
    return Optional.ofNullable(client().leases().inNamespace("kube-system").withName(name).get());
  }

  /** The node's liveness Lease is valid: renewed within its duration (same machine, one clock). */
  boolean livenessValid(String node) {
    return lease("kubevip-node-" + node).filter(l -> l.getSpec().getRenewTime() != null
        && l.getSpec().getHolderIdentity() != null && !l.getSpec().getHolderIdentity().isBlank()
        && l.getSpec().getRenewTime().toInstant().plusSeconds(l.getSpec().getLeaseDurationSeconds())
            .isAfter(java.time.Instant.now())).isPresent();
  }

  /**
   * Empty when every Service given is announced as expected: it has an address, a {@code vipHost}, exactly that
   * node holds each of its addresses, and the client reaches each through that node's MAC; otherwise what is not
   * (for Awaitility's messages and the final assertion).
   */
  List<String> announcementProblems(List<Service> services) {
    Map<String, Set<String>> holders = lan.holders();
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Service listed : services) {
      String ns = listed.getMetadata().getNamespace();
      String name = listed.getMetadata().getName();
      Optional<Service> live = service(ns, name);
      List<String> addresses = live.map(ServicesLab::allocated).orElse(List.of());
      String host = live.map(s -> annotation(s, VIP_HOST)).orElse(null);
      if (addresses.isEmpty() || host == null || host.isBlank()) {
        problems.add(ns + "/" + name + ": addresses " + addresses + ", vipHost " + host + ", events ["
            + describe(events(ns, name)) + "]");
        continue;
      }
      for (String a : addresses) {
        if (!holders.getOrDefault(a, Set.of()).equals(Set.of(host))) {
          problems.add(ns + "/" + name + ": " + a + " held by " + holders.getOrDefault(a, Set.of())
              + ", vipHost " + host);
        }
        expected.put(a, host);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Map<String, String> seen = lan.clientNeighbours(new ArrayList<>(expected.keySet()));
    expected.forEach((a, host) -> {
      if (!lan.mac(host).equals(seen.get(a))) {
        problems.add(a + ": client's entry " + seen.get(a) + ", expected " + host + " " + lan.mac(host));
      }
    });
    return problems;
  }

  /** Waits until {@link #announcementProblems} is empty; fails listing the last problems seen. */
  void awaitAnnounced(List<Service> services, Duration timeout) {
    List<List<String>> last = new ArrayList<>();
    last.add(List.of("never checked"));
    try {
      org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
        List<String> problems = announcementProblems(services);
        last.set(0, problems);
        return problems.isEmpty();
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not announced as expected within " + timeout.toSeconds() + " s: " + last.get(0), e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: we are the hook
    }
    List<Thread> stops = new ArrayList<>();
    for (ManagerProcess m : managers.values()) {
      Thread t = new Thread(m::close, "stop-" + m.node());
      t.start();
      stops.add(t);
    }
    for (Thread t : stops) {
      try {
        t.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (api != null) {
      api.close();
    }
    if (topology != null) {
      topology.close();
    }
  }
}
