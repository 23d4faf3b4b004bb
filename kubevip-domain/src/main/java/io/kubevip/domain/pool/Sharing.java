// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a Service may use an address others already hold. Like kube-vip-cloud-provider: only IPv4, only with
 * {@code allow-share-*} true for the Service's namespace, and a holder without ports claims the whole address.
 * Unlike it, ports clash by protocol and number ({@code 53/TCP} and {@code 53/UDP} can share, as in MetalLB),
 * and a Service without ports never shares (it would claim the whole address too).
 */
final class Sharing {
  private Sharing() {}

  /** Null when {@code self} with {@code ports} may join {@code holders}; otherwise why not. */
  static String clash(List<AddressInUse> holders, ServiceRef self, Set<ServicePort> ports) {
    if (ports.isEmpty()) {
      return "the Service has no ports, so it cannot share an address";
    }
    for (AddressInUse h : holders) {
      if (h.service().equals(self)) {
        continue;
      }
      if (h.ports().isEmpty()) {
        return "it is used by " + h.service() + ", which has no ports and so claims the whole address";
      }
      Set<ServicePort> common = new TreeSet<>(h.ports());
      common.retainAll(ports);
      if (!common.isEmpty()) {
        return "it is used by " + h.service() + " with clashing ports " + common;
      }
    }
    return null;
  }

  /** True when {@code holders} contains someone other than {@code self}. */
  static boolean usedByOthers(List<AddressInUse> holders, ServiceRef self) {
    return holders.stream().anyMatch(h -> !h.service().equals(self));
  }
}
