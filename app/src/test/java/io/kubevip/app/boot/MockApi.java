// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubevip.testkit.BoundedShutdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fabric8 mock API server in CRUD mode plus a kubeconfig file naming it, for manager-context tests. */
final class MockApi implements AutoCloseable {
  final KubernetesMockServer server =
      new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
  final KubernetesClient client;
  final Path kubeconfig;

  MockApi() {
    server.init();
    // Long request timeout: when a manager's watch closes with events still queued for it, fabric8's mock server
    // stalls its event loop until that backlog is settled (tens of seconds at worst); a read made by the test right
    // after a context closed must wait that out rather than fail. A real API server does not stall.
    try (KubernetesClient base = server.createClient()) {
      client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(base.getConfiguration())
          .withRequestTimeout(90_000).build()).build();
    }
    try {
      kubeconfig = Files.createTempFile("kubevip-mock", ".kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: mock
            cluster: {server: "%s"}
          users:
          - name: test
            user: {token: test}
          contexts:
          - name: mock
            context: {cluster: mock, user: test}
          current-context: mock
          """.formatted(client.getMasterUrl().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Node with a Ready=True condition (and {@code labels}), as the kubelet would report it. */
  void readyNode(String name, Map<String, String> labels) {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
        .create();
  }

  void readyNode(String name) {
    readyNode(name, Map.of());
  }

  /** The {@code kube-system/kubevip} pool ConfigMap with {@code data}. */
  void pools(Map<String, String> data) {
    client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withNamespace("kube-system").withName("kubevip").endMetadata().withData(data).build()).create();
  }

  Optional<String> holder(String namespace, String name) {
    Lease l = client.leases().inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(l).map(x -> x.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
  }

  @Override
  public void close() {
    client.close();
    // A watch closed with a backlog stalls the mock's stop (its own 10 s wait, then "Unable to close MockWebServer",
    // see the constructor): test plumbing, not the behaviour under test, so reported and waited for only briefly.
    BoundedShutdown.run("MockApi", Duration.ofSeconds(3), server::destroy,
        BoundedShutdown.illegalState("Unable to close"));
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      // temp file; nothing to do
    }
  }
}
