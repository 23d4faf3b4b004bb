// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.manifest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code kubevip manifest pod|daemonset|rbac} needs, as kube-vip's generator takes it: the environment the
 * container gets (kube-vip names, already translated from the command-line flags), where the kubeconfig comes
 * from, and the image.
 *
 * @param image container image, e.g. {@code ghcr.io/kubevip/kubevip:0.1.0}
 * @param namespace namespace of the pod, DaemonSet and RBAC objects ({@code kube-system} by default)
 * @param env container environment in order; {@code vip_nodename} is always added from {@code spec.nodeName}
 * @param inCluster use the ServiceAccount instead of mounting a kubeconfig (static pod only; a DaemonSet always does)
 * @param kubeconfigHostPath host kubeconfig mounted at {@code /etc/kubernetes/admin.conf} (static pod)
 * @param taint DaemonSet only: tolerate control-plane taints and require a control-plane node
 * @param namespacedRole RBAC only: a namespaced Role/RoleBinding instead of ClusterRole/ClusterRoleBinding
 * @param jvmOptions launcher options shipped in {@code JDK_JAVA_OPTIONS} (memory bounds for a node agent)
 * @param version value of the {@code app.kubernetes.io/version} label
 */
public record ManifestOptions(
    String image,
    String namespace,
    Map<String, String> env,
    boolean inCluster,
    String kubeconfigHostPath,
    boolean taint,
    boolean namespacedRole,
    String jvmOptions,
    String version) {

  /** Default image repository; the tag is the version. */
  public static final String DEFAULT_IMAGE_REPOSITORY = "ghcr.io/kubevip/kubevip";

  /** kube-vip's default kubeconfig path; kubeadm ≥ 1.29 first nodes need super-admin.conf, see docs/manifests.md. */
  public static final String DEFAULT_KUBECONFIG = "/etc/kubernetes/admin.conf";

  /**
   * JVM bounds for a node agent: a serial collector (one core is plenty, and it has the smallest footprint), a
   * bounded heap so the pod's memory is predictable, small thread stacks, and native access for JNA on JDK 22+.
   * Resident memory (issue #5): C1 only (C2's compiler arenas stay in glibc's heap after the warm-up, ≈ 40 MiB; the
   * price is slower steady-state passes, while election timing is not CPU bound), the native heap handed back to the
   * kernel every 10 s (JDK 17.0.9+ / 21.0.1+), and a heap that is grown and shrunk tightly around the live set.
   */
  public static final String DEFAULT_JVM_OPTIONS =
      "-XX:+UseSerialGC -Xms32m -Xmx96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k "
          + "-XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 "
          + "-XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED";

  public ManifestOptions {
    requireText(image, "--image");
    requireText(namespace, "--namespace");
    requireText(kubeconfigHostPath, "--k8sConfigPath");
    env = java.util.Collections.unmodifiableMap(envInOrder(Objects.requireNonNull(env, "env")));
    jvmOptions = jvmOptions == null ? DEFAULT_JVM_OPTIONS : jvmOptions;
    version = version == null || version.isBlank() ? "dev" : version;
  }

  private static Map<String, String> envInOrder(Map<String, String> env) {
    return new java.util.TreeMap<>(env);
  }

  private static void requireText(String value, String flag) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(flag + ": must not be empty");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(flag + " '" + value + "': must not contain whitespace");
    }
  }
}
