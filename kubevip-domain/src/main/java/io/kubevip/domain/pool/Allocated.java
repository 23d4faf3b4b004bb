// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.VipAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Addresses handed out, in the Service's family order (what goes into {@code kube-vip.io/loadbalancerIPs}).
 *
 * @param addresses one per allocated family; a DHCP marker where the pool is {@code 0.0.0.0/32} or {@code ::/128}
 * @param interfaceName {@code interface-<ns>} or {@code interface-global}, for {@code kube-vip.io/serviceInterface}
 * @param pool human-readable origin: the pool key and any sharing, e.g. {@code cidr-prod} or
 *     {@code cidr-global; 10.0.0.7 shared with default/web}
 */
public record Allocated(List<VipAddress> addresses, Optional<String> interfaceName, String pool) implements AllocationResult {
  public Allocated {
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("an allocation holds at least one address");
    }
    interfaceName = interfaceName == null ? Optional.empty() : interfaceName;
    Objects.requireNonNull(pool, "pool");
  }
}
