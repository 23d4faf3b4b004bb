// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KubeconfigLocatorTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/home/u", "KUBECONFIG", "/tmp/kc");

  private static KubeconfigLocator.Source locate(String explicit, Map<String, String> env, String... existing) {
    Set<Path> files = java.util.Arrays.stream(existing).map(Path::of).collect(java.util.stream.Collectors.toSet());
    return KubeconfigLocator.locate(explicit, env, files::contains);
  }

  @Test
  void givenExplicitFile_whenLocate_thenItWinsOverAdminConf() {
    var s = locate("/etc/kubernetes/super-admin.conf", ENV, "/etc/kubernetes/super-admin.conf", "/etc/kubernetes/admin.conf");

    assertThat(s).isEqualTo(new KubeconfigLocator.File(Path.of("/etc/kubernetes/super-admin.conf"), true, "k8s_config_file"));
  }

  @Test
  void givenExplicitFileMissing_whenLocate_thenErrorNamesTheSetting() {
    assertThatThrownBy(() -> locate("/nope", ENV)).hasMessage("k8s_config_file '/nope': no such file");
  }

  @Test
  void givenAdminConf_whenLocate_thenAdminConfWithStaticPodRewrite() {
    var s = locate("", ENV, "/etc/kubernetes/admin.conf", "/tmp/kc");

    assertThat(s).isInstanceOfSatisfying(KubeconfigLocator.File.class, f -> {
      assertThat(f.path()).isEqualTo(KubeconfigLocator.ADMIN_CONF);
      assertThat(f.staticPodAdminConf()).isTrue();
    });
  }

  @Test
  void givenKubeconfigEnvThenHome_whenLocate_thenInThatOrder() {
    assertThat(locate(null, ENV, "/tmp/kc", "/home/u/.kube/config"))
        .isEqualTo(new KubeconfigLocator.File(Path.of("/tmp/kc"), false, "KUBECONFIG"));
    assertThat(locate(null, ENV, "/home/u/.kube/config"))
        .isEqualTo(new KubeconfigLocator.File(Path.of("/home/u/.kube/config"), false, "~/.kube/config"));
  }

  @Test
  void givenNothing_whenLocate_thenInClusterWithAHint() {
    assertThat(locate(null, Map.of())).isInstanceOfSatisfying(KubeconfigLocator.InCluster.class,
        s -> assertThat(s.reason()).contains("set k8s_config_file or KUBECONFIG"));
    assertThat(locate(null, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")).reason())
        .isEqualTo("in-cluster (KUBERNETES_SERVICE_HOST set)");
  }

  @Test
  void givenStaticPodAdminConf_whenMasterUrl_thenRewrittenToHostAliasUnlessOverridden() {
    var admin = new KubeconfigLocator.File(KubeconfigLocator.ADMIN_CONF, true, "x");
    var user = new KubeconfigLocator.File(Path.of("/tmp/kc"), false, "x");

    assertThat(KubeClients.masterUrl(admin, "", 6443, "https://10.0.0.40:6443/")).isEqualTo("https://kubernetes:6443");
    assertThat(KubeClients.masterUrl(admin, "10.0.0.11:6443", 6443, "https://10.0.0.40:6443/"))
        .isEqualTo("https://10.0.0.11:6443");
    assertThat(KubeClients.masterUrl(user, null, 6443, "https://10.0.0.40:6443/")).isEqualTo("https://10.0.0.40:6443/");
  }
}
