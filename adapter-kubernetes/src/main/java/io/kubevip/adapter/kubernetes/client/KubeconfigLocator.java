// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses where the Kubernetes client's configuration comes from, in kube-vip's order
 * ({@code pkg/manager/manager.go}): an explicit {@code k8s_config_file}; {@code /etc/kubernetes/admin.conf} (a
 * kubeadm control-plane node, where kube-vip runs as a static pod before the API has a Service network); the
 * {@code KUBECONFIG} variable or {@code ~/.kube/config}; finally the in-cluster ServiceAccount.
 *
 * <p>Pure: the file system is consulted through the {@code exists} predicate so the order is unit-tested.
 */
public final class KubeconfigLocator {
  /** kubeadm's admin kubeconfig, mounted into kube-vip's static pod. */
  public static final Path ADMIN_CONF = Path.of("/etc/kubernetes/admin.conf");

  private KubeconfigLocator() {}

  /** Where the configuration comes from, and why that source was chosen. */
  public sealed interface Source permits File, InCluster {
    String reason();
  }

  /**
   * A kubeconfig file.
   *
   * @param staticPodAdminConf true for kubeadm's admin.conf: its server is rewritten to the {@code kubernetes} host
   *     alias (127.0.0.1) because it may name the very VIP this process is about to provide
   */
  public record File(Path path, boolean staticPodAdminConf, String reason) implements Source {}

  /** The pod's ServiceAccount token and the {@code KUBERNETES_SERVICE_HOST} environment. */
  public record InCluster(String reason) implements Source {}

  /**
   * @param k8sConfigFile the {@code k8s_config_file} setting; blank when unset
   * @param env process environment ({@code KUBECONFIG}, {@code HOME}, {@code KUBERNETES_SERVICE_HOST})
   * @param exists file-existence check
   * @throws IllegalArgumentException when {@code k8s_config_file} names a missing file
   */
  public static Source locate(String k8sConfigFile, Map<String, String> env, Predicate<Path> exists) {
    if (k8sConfigFile != null && !k8sConfigFile.isBlank()) {
      Path p = Path.of(k8sConfigFile.trim());
      if (!exists.test(p)) {
        throw new IllegalArgumentException("k8s_config_file '" + k8sConfigFile + "': no such file");
      }
      return new File(p, isAdminConf(p), "k8s_config_file");
    }
    if (exists.test(ADMIN_CONF)) {
      return new File(ADMIN_CONF, true, ADMIN_CONF + " exists (kubeadm control-plane node)");
    }
    Optional<Path> fromEnv = Optional.ofNullable(env.get("KUBECONFIG")).filter(s -> !s.isBlank())
        .map(s -> Path.of(s.split(java.io.File.pathSeparator)[0]));
    if (fromEnv.isPresent() && exists.test(fromEnv.get())) {
      return new File(fromEnv.get(), false, "KUBECONFIG");
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      Path p = Path.of(home, ".kube", "config");
      if (exists.test(p)) {
        return new File(p, false, "~/.kube/config");
      }
    }
    return new InCluster(env.containsKey("KUBERNETES_SERVICE_HOST")
        ? "in-cluster (KUBERNETES_SERVICE_HOST set)"
        : "in-cluster (no kubeconfig found: set k8s_config_file or KUBECONFIG when not running in a pod)");
  }

  private static boolean isAdminConf(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    return p.startsWith("/etc/kubernetes") && (name.equals("admin.conf") || name.equals("super-admin.conf"));
  }
}
