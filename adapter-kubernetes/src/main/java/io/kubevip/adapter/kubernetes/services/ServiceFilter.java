// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

/**
 * Is a Service ours? kube-vip's rules ({@code pkg/services/watch_services.go}): only {@code type: LoadBalancer};
 * then the load-balancer class. The {@code kube-vip.io/ignore} annotation is not a filter: an ignored Service is
 * still delivered (flagged), so a listener that served it can withdraw.
 */
final class ServiceFilter {
  static final String LOAD_BALANCER = "LoadBalancer";

  private ServiceFilter() {}

  /**
   * @param type {@code spec.type} (null means ClusterIP)
   * @param loadBalancerClass {@code spec.loadBalancerClass}, null or blank when unset
   */
  static Selection select(ServiceWatchSettings settings, String type, String loadBalancerClass) {
    if (!LOAD_BALANCER.equals(type)) {
      return new Selection.Skipped(SkipReason.NOT_LOAD_BALANCER,
          "spec.type is '" + (type == null ? "ClusterIP" : type) + "', expected 'LoadBalancer'");
    }
    String cls = loadBalancerClass == null || loadBalancerClass.isBlank() ? "" : loadBalancerClass.trim();
    String ours = settings.lbClassName();
    if (settings.lbClassLegacyHandling()) {
      if (cls.isEmpty()) {
        return settings.lbClassOnly()
            ? new Selection.Skipped(SkipReason.NO_CLASS,
                "no spec.loadBalancerClass, and lb_class_only requires '" + ours + "'")
            : Selection.SELECTED;
      }
      return cls.equals(ours) ? Selection.SELECTED : otherClass(cls, ours);
    }
    if (cls.equals(ours)) {
      return Selection.SELECTED;
    }
    return cls.isEmpty()
        ? new Selection.Skipped(SkipReason.NO_CLASS,
            "no spec.loadBalancerClass, and lb_class_legacy_handling=false requires '" + ours + "'")
        : otherClass(cls, ours);
  }

  private static Selection otherClass(String cls, String ours) {
    return new Selection.Skipped(SkipReason.OTHER_CLASS,
        "spec.loadBalancerClass is '" + cls + "', expected '" + ours + "'");
  }
}
