// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  private static final Map<String, String> ENV = new LinkedHashMap<>(Map.of(
      "vip_arp", "true", "port", "6443", "vip_interface", "eth0", "cp_enable", "true", "address", "192.168.0.40",
      "vip_leaderelection", "true"));

  private static ManifestOptions options(boolean inCluster, boolean taint, boolean role) {
    return new ManifestOptions("ghcr.io/kubevip/kubevip:0.1.0", "kube-system", ENV, inCluster,
        ManifestOptions.DEFAULT_KUBECONFIG, taint, role, null, "0.1.0");
  }

  @Test
  void givenDefaults_whenStaticPod_thenMatchesGoldenFileAndParsesBack() throws IOException {
    String yaml = Manifests.toYaml(Manifests.staticPod(options(false, false, false)));

    assertThat(yaml).isEqualTo(golden("pod.yaml", yaml));
    Pod pod = Manifests.fromYaml(yaml, Pod.class);
    assertThat(pod.getMetadata().getName()).isEqualTo("kube-vip");
    assertThat(pod.getMetadata().getNamespace()).isEqualTo("kube-system");
    assertThat(pod.getSpec().getHostNetwork()).isTrue();
    assertThat(pod.getSpec().getHostAliases()).singleElement().satisfies(a -> {
      assertThat(a.getIp()).isEqualTo("127.0.0.1");
      assertThat(a.getHostnames()).containsExactly("kubernetes");
    });
    assertThat(pod.getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getHostPath().getPath()).isEqualTo("/etc/kubernetes/admin.conf"));
    Container c = pod.getSpec().getContainers().get(0);
    assertThat(c.getArgs()).containsExactly("manager");
    assertThat(c.getSecurityContext().getCapabilities().getAdd()).containsExactly("NET_ADMIN", "NET_RAW");
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getVolumeMounts()).singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/kubernetes/admin.conf"));
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("vip_nodename");
      assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
    });
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("address");
      assertThat(e.getValue()).isEqualTo("192.168.0.40");
    });
    assertThat(c.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("JDK_JAVA_OPTIONS"));
  }

  @Test
  void givenInCluster_whenStaticPod_thenUsesServiceAccountAndMountsNothing() {
    Pod pod = Manifests.staticPod(options(true, false, false));

    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("kube-vip");
    assertThat(pod.getSpec().getVolumes()).isEmpty();
    assertThat(pod.getSpec().getHostAliases()).isEmpty();
  }

  @Test
  void givenTaint_whenDaemonSet_thenMatchesGoldenFileWithTolerationsAndControlPlaneAffinity() throws IOException {
    String yaml = Manifests.toYaml(Manifests.daemonSet(options(false, true, false)));

    assertThat(yaml).isEqualTo(golden("daemonset-taint.yaml", yaml));
    DaemonSet ds = Manifests.fromYaml(yaml, DaemonSet.class);
    assertThat(ds.getMetadata().getName()).isEqualTo("kube-vip-ds");
    var spec = ds.getSpec().getTemplate().getSpec();
    assertThat(spec.getHostNetwork()).isTrue();
    assertThat(spec.getServiceAccountName()).isEqualTo("kube-vip");
    assertThat(spec.getTolerations()).extracting(t -> t.getEffect()).containsExactly("NoSchedule", "NoExecute");
    assertThat(spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms()).extracting(t -> t.getMatchExpressions().get(0).getKey())
        .containsExactly("node-role.kubernetes.io/master", "node-role.kubernetes.io/control-plane");
    assertThat(ds.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "kube-vip-ds");
  }

  @Test
  void givenNoTaint_whenDaemonSet_thenNoTolerationsOrAffinity() {
    var spec = Manifests.daemonSet(options(false, false, false)).getSpec().getTemplate().getSpec();

    assertThat(spec.getTolerations()).isEmpty();
    assertThat(spec.getAffinity()).isNull();
  }

  @Test
  void givenClusterScope_whenRbac_thenServiceAccountClusterRoleAndBindingWithLeaseVerbs() throws IOException {
    String yaml = Manifests.toYaml(Manifests.rbac(options(false, false, false)));

    assertThat(yaml).isEqualTo(golden("rbac.yaml", yaml));
    KubernetesList list = new KubernetesList();
    list.setItems(java.util.Arrays.stream(yaml.split("(?m)^---\\n")).filter(s -> !s.isBlank())
        .map(doc -> (io.fabric8.kubernetes.api.model.HasMetadata) Manifests.fromYaml(doc,
            io.fabric8.kubernetes.api.model.KubernetesResource.class))
        .toList());
    assertThat(list.getItems()).extracting(i -> i.getKind())
        .containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding");
    ClusterRole role = (ClusterRole) list.getItems().get(1);
    assertThat(role.getRules()).anySatisfy(r -> {
      assertThat(r.getResources()).containsExactly("leases");
      assertThat(r.getVerbs()).contains("get", "list", "watch", "create", "update");
    });
  }

  @Test
  void givenRoleFlag_whenRbac_thenNamespacedRoleAndBinding() {
    KubernetesList list = Manifests.rbac(options(false, false, true));

    assertThat(list.getItems()).extracting(i -> i.getKind()).containsExactly("ServiceAccount", "Role", "RoleBinding");
    assertThat(list.getItems()).allSatisfy(i -> assertThat(i.getMetadata().getNamespace()).isEqualTo("kube-system"));
  }

  @Test
  void givenBadImageOrNamespace_whenOptions_thenErrorNamesTheFlag() {
    assertThatThrownBy(() -> new ManifestOptions("", "kube-system", Map.of(), false, "/x", false, false, null, null))
        .hasMessage("--image: must not be empty");
    assertThatThrownBy(() -> new ManifestOptions("img", "kube system", Map.of(), false, "/x", false, false, null, null))
        .hasMessage("--namespace 'kube system': must not contain whitespace");
  }

  // Set -Dkubevip.updateGolden=true to rewrite the golden files after an intended change; review the diff.
  private static String golden(String name, String actual) throws IOException {
    if (Boolean.getBoolean("kubevip.updateGolden")) {
      Files.writeString(Path.of("src/test/resources/golden", name), actual);
    }
    try (InputStream in = ManifestsTest.class.getResourceAsStream("/golden/" + name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
