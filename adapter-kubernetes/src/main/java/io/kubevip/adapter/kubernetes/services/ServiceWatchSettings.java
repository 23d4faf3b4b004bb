// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import java.util.Objects;
import java.util.Optional;

/**
 * Which Services and which pool ConfigMap {@link KubernetesClusterWatch} looks at; kube-vip's {@code svc_namespace},
 * {@code lb_class_only}, {@code lb_class_name}, {@code lb_class_legacy_handling} and the cloud-provider's
 * {@code KUBEVIP_NAMESPACE}/{@code KUBEVIP_CONFIG_MAP}, bound once by the app.
 *
 * @param serviceNamespace watch Services and EndpointSlices of this namespace only; empty: all namespaces
 * @param lbClassOnly only Services that name {@code lbClassName} (legacy handling)
 * @param lbClassName our {@code spec.loadBalancerClass}
 * @param lbClassLegacyHandling true (kube-vip default): a Service without class is ours unless {@code lbClassOnly};
 *     false: the class must equal {@code lbClassName} exactly (no class matches only an empty name)
 * @param poolConfigMapNamespace namespace of the address-pool ConfigMap
 * @param poolConfigMapName name of the address-pool ConfigMap
 */
public record ServiceWatchSettings(
    Optional<String> serviceNamespace,
    boolean lbClassOnly,
    String lbClassName,
    boolean lbClassLegacyHandling,
    String poolConfigMapNamespace,
    String poolConfigMapName) {
  /** kube-vip's {@code lb_class_name} default. */
  public static final String DEFAULT_CLASS = "kube-vip.io/kube-vip-class";

  public ServiceWatchSettings {
    serviceNamespace = serviceNamespace == null ? Optional.empty() : serviceNamespace.filter(n -> !n.isBlank());
    lbClassName = lbClassName == null ? "" : lbClassName.trim();
    requireName(poolConfigMapNamespace, "pool ConfigMap namespace");
    requireName(poolConfigMapName, "pool ConfigMap name");
  }

  /** kube-vip's defaults: all namespaces, legacy class handling, ConfigMap {@code kube-system/kubevip}. */
  public static ServiceWatchSettings defaults() {
    return new ServiceWatchSettings(Optional.empty(), false, DEFAULT_CLASS, true, "kube-system", "kubevip");
  }

  public ServiceWatchSettings withServiceNamespace(String namespace) {
    return new ServiceWatchSettings(Optional.ofNullable(namespace), lbClassOnly, lbClassName, lbClassLegacyHandling,
        poolConfigMapNamespace, poolConfigMapName);
  }

  public ServiceWatchSettings withClassHandling(boolean classOnly, String className, boolean legacyHandling) {
    return new ServiceWatchSettings(serviceNamespace, classOnly, className, legacyHandling, poolConfigMapNamespace,
        poolConfigMapName);
  }

  public ServiceWatchSettings withPoolConfigMap(String namespace, String name) {
    return new ServiceWatchSettings(serviceNamespace, lbClassOnly, lbClassName, lbClassLegacyHandling, namespace, name);
  }

  private static void requireName(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty: expected a Kubernetes object name such as 'kubevip'");
    }
  }
}
