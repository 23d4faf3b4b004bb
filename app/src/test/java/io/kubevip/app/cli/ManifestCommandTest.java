// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kubevip.adapter.kubernetes.manifest.Manifests;
import io.kubevip.app.config.FeatureAvailability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kubevip manifest}: output parsed back into Kubernetes objects; flags become kube-vip env names. */
class ManifestCommandTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    ManagerLauncher never = (config, mode, f) -> {
      throw new AssertionError("manifest must not start the manager");
    };
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new Cli(new CliContext(Map.of(), List.of(), FeatureAvailability.current(), never, o, e)).run(args);
  }

  private static Map<String, String> env(List<EnvVar> vars) {
    Map<String, String> m = new LinkedHashMap<>();
    vars.forEach(v -> m.put(v.getName(), v.getValue() == null ? "<from " + v.getValueFrom().getFieldRef().getFieldPath()
        + ">" : v.getValue()));
    return m;
  }

  @Test
  void givenKubeVipFlags_whenPodPrinted_thenEnvCarriesKubeVipNamesAndTheKubeconfigIsMounted() {
    int code = run("manifest", "pod", "--interface", "eth0", "--vip", "192.0.2.10", "--controlplane", "--arp",
        "--leaderElection", "--k8sConfigPath", "/etc/kubernetes/super-admin.conf", "--image", "example/kubevip:1");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Pod pod = Manifests.fromYaml(out.toString(StandardCharsets.UTF_8), Pod.class);
    assertThat(pod.getMetadata().getNamespace()).isEqualTo("kube-system");
    var c = pod.getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("example/kubevip:1");
    assertThat(c.getArgs()).containsExactly("manager");
    assertThat(env(c.getEnv())).containsEntry("vip_interface", "eth0").containsEntry("address", "192.0.2.10")
        .containsEntry("cp_enable", "true").containsEntry("vip_arp", "true").containsEntry("vip_leaderelection", "true")
        .containsEntry("port", "6443").containsEntry("vip_nodename", "<from spec.nodeName>")
        .doesNotContainKey("k8s_config_file");
    assertThat(pod.getSpec().getVolumes().get(0).getHostPath().getPath()).isEqualTo("/etc/kubernetes/super-admin.conf");
  }

  @Test
  void givenTaintAndNamespace_whenDaemonSetPrinted_thenControlPlaneOnlyInThatNamespace() {
    assertThat(run("manifest", "daemonset", "--address", "192.0.2.10", "--controlplane", "--arp", "--taint", "-n",
        "kubevip-system", "--inCluster")).isZero();
    DaemonSet ds = Manifests.fromYaml(out.toString(StandardCharsets.UTF_8), DaemonSet.class);
    assertThat(ds.getMetadata().getNamespace()).isEqualTo("kubevip-system");
    assertThat(ds.getSpec().getTemplate().getSpec().getTolerations()).hasSize(2);
    assertThat(env(ds.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()))
        .containsEntry("cp_namespace", "kubevip-system");
  }

  @Test
  void givenRole_whenRbacPrinted_thenNamespacedRoleAndBinding() {
    assertThat(run("manifest", "rbac", "--role", "-n", "kubevip-system")).isZero();
    String yaml = out.toString(StandardCharsets.UTF_8);
    List<String> kinds = java.util.Arrays.stream(yaml.split("(?m)^---\\s*$")).filter(d -> !d.isBlank())
        .map(d -> Manifests.fromYaml(d, io.fabric8.kubernetes.api.model.HasMetadata.class).getKind()).toList();
    assertThat(kinds).containsExactly("ServiceAccount", "Role", "RoleBinding");
  }

  @Test
  void givenBadFlagValue_whenManifestRuns_thenExit2NamingTheFlagAndNothingPrinted() {
    assertThat(run("manifest", "pod", "--port", "99999", "--arp", "maybe")).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port: '99999' is out of range; expected 1..65535")
        .contains("--arp: 'maybe' is not a boolean; expected true or false").doesNotContain("Exception");
  }

  @Test
  void givenUnknownKindOrFlag_whenManifestRuns_thenExit2() {
    assertThat(run("manifest", "deployment")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("'deployment' is not a manifest kind; expected pod, daemonset or rbac");
    assertThat(run("manifest", "pod", "--interfcae", "eth0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--interfcae");
  }
}
