// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.IpFamilyPolicy;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Service asking for addresses.
 *
 * @param service who asks; its namespace selects the pool
 * @param families {@code spec.ipFamilies} in order; empty means "IPv4 if the pool has it, else IPv6" (single
 *     stack) or "IPv4 first" (dual stack), as the cloud-provider treats an unset list
 * @param policy {@code spec.ipFamilyPolicy}; null means SingleStack
 * @param ports the Service's ports, for address sharing
 */
public record AllocationRequest(ServiceRef service, List<IpFamily> families, IpFamilyPolicy policy, Set<ServicePort> ports) {
  public AllocationRequest {
    Objects.requireNonNull(service, "service");
    families = List.copyOf(families == null ? List.of() : families);
    if (families.size() > 2 || (families.size() == 2 && families.get(0) == families.get(1))) {
      throw new IllegalArgumentException("ipFamilies " + families + ": expected at most one IPv4 and one IPv6");
    }
    policy = policy == null ? IpFamilyPolicy.SINGLE_STACK : policy;
    ports = Set.copyOf(ports == null ? Set.of() : ports);
  }

  /** IPv4 single-stack request. */
  public static AllocationRequest ipv4(ServiceRef service, Set<ServicePort> ports) {
    return new AllocationRequest(service, List.of(IpFamily.IPV4), IpFamilyPolicy.SINGLE_STACK, ports);
  }
}
