// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hidden: writes and reads back a Lease through a kubeconfig, with the same fabric8 client the manager uses.
 * Run under {@code ip netns exec <node>} it proves a node reaches the lab API over the management LAN; every
 * thread of that JVM lives in the node's namespace, so no connection can leave from the root namespace.
 */
@Command(name = "lease-check", hidden = true, description = "Create and read back a Lease through a kubeconfig")
final class LeaseCheckCommand implements Callable<Integer> {
  @Option(names = "--kubeconfig", required = true)
  Path kubeconfig;

  @Option(names = "--name", defaultValue = "kubevip-lab-check")
  String name;

  @Option(names = "--holder", defaultValue = "lab")
  String holder;

  @Override
  public Integer call() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      Lease lease = new LeaseBuilder().withNewMetadata().withName(name).withNamespace("kube-system").endMetadata()
          .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(3).endSpec().build();
      client.resource(lease).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
      Lease read = client.leases().inNamespace("kube-system").withName(name).get();
      if (read == null) {
        System.out.println("lease " + name + " not found after writing it");
        return 1;
      }
      System.out.println("lease " + name + " holder " + read.getSpec().getHolderIdentity() + " resourceVersion "
          + read.getMetadata().getResourceVersion());
      return 0;
    }
  }
}
