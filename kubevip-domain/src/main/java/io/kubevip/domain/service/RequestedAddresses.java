// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses kube-vip serves for a Service, from the three places a Service can name them
 * ({@code pkg/instance/instance.go FetchServiceAddresses}): the {@code kube-vip.io/loadbalancerIPs} annotation,
 * else {@code status.loadBalancer.ingress[].ip}, else the deprecated {@code spec.loadBalancerIP}. The first source
 * that has anything wins; sources are never merged, so a stale status cannot add to an edited annotation.
 *
 * <p>Entries stay text: they may be DNS names or malformed, which the caller reports per entry instead of
 * dropping the whole Service.
 */
public final class RequestedAddresses {
  /** The annotation kube-vip and its cloud-provider read and write. */
  public static final String ANNOTATION = "kube-vip.io/loadbalancerIPs";

  private RequestedAddresses() {}

  /**
   * The address texts kube-vip would use, trimmed, empties and repeats dropped, in source order; empty when the Service names
   * none yet (an allocator has still to fill it in).
   *
   * @param loadBalancerIPsAnnotation the annotation value (comma list), null when absent
   * @param statusIngressIps {@code status.loadBalancer.ingress[].ip}, null when absent
   * @param specLoadBalancerIP {@code spec.loadBalancerIP}, null when absent
   */
  public static List<String> read(String loadBalancerIPsAnnotation, List<String> statusIngressIps, String specLoadBalancerIP) {
    List<String> fromAnnotation = split(loadBalancerIPsAnnotation);
    if (!fromAnnotation.isEmpty()) {
      return fromAnnotation;
    }
    List<String> fromStatus = new ArrayList<>();
    if (statusIngressIps != null) {
      for (String ip : statusIngressIps) {
        if (ip != null && !ip.isBlank() && !fromStatus.contains(ip.trim())) {
          fromStatus.add(ip.trim());
        }
      }
    }
    if (!fromStatus.isEmpty()) {
      return List.copyOf(fromStatus);
    }
    return specLoadBalancerIP == null || specLoadBalancerIP.isBlank() ? List.of() : List.of(specLoadBalancerIP.trim());
  }

  private static List<String> split(String commaList) {
    if (commaList == null || commaList.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : commaList.split(",", -1)) {
      String t = part.trim();
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }
}
