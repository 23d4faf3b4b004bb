// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubevip.testkit.netns.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerPrivilegedIT {
  @Test
  void givenLabApi_whenNodeWritesAndReadsLease_thenTheApiKeepsItAndLogsTheWrites(@TempDir Path work) {
    Privileged.assume();
    try (LabTopology t = LabTopology.build(2);
        ApiServerProcess api = ApiServerProcess.start(t, work, Duration.ofSeconds(90))) {
      Exec.Result first = t.exec("node1", leaseCheck(api, "node1").toArray(String[]::new));
      Exec.Result second = t.exec("node2", leaseCheck(api, "node2").toArray(String[]::new));

      assertThat(first.exitCode()).as(first.stderr()).isZero();
      assertThat(first.stdout()).contains("holder node1");
      assertThat(second.exitCode()).as(second.stderr()).isZero();
      assertThat(second.stdout()).contains("holder node2");
      assertThat(api.writeCount()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void givenLabApi_whenTestUsesTheLoopbackClient_thenItSeesWhatNodesWroteAndNodesSeeItsWrites(@TempDir Path work) {
    Privileged.assume();
    try (LabTopology t = LabTopology.build(1);
        ApiServerProcess api = ApiServerProcess.start(t, work, Duration.ofSeconds(90))) {
      Exec.Result fromNode = t.exec("node1", leaseCheck(api, "node1").toArray(String[]::new));
      assertThat(fromNode.exitCode()).as(fromNode.stderr()).isZero();

      assertThat(api.client().leases().inNamespace("kube-system").list().getItems())
          .extracting(l -> l.getSpec().getHolderIdentity()).contains("node1");

      api.client().configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("kubevip").endMetadata().addToData("cidr-global", "10.99.0.64/28").build()).create();
      Exec.Result read = t.exec("node1", "curl", "-sk", "--max-time", "5",
          api.url() + "/api/v1/namespaces/kube-system/configmaps/kubevip");
      assertThat(read.stdout()).contains("10.99.0.64/28");
    }
  }

  private static List<String> leaseCheck(ApiServerProcess api, String holder) {
    return JavaLauncher.thisProgram(
        List.of("lease-check", "--kubeconfig", api.kubeconfig().toString(), "--holder", holder));
  }
}
