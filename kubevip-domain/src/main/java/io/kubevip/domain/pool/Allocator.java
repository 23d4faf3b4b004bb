// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * kube-vip-cloud-provider's IPAM as pure functions: the same inputs always give the same answer, there is no
 * allocation state beyond the in-use list the caller passes (the cloud-provider rebuilds it from Services on every
 * sync, so there is nothing to persist or release), and no clock or randomness is involved.
 *
 * <p>Differences from upstream, on purpose: in-use addresses count cluster-wide even for a namespace pool (upstream
 * lists only that namespace's Services, so overlapping pools could hand out one address twice); a shared address is
 * the first eligible one in search order, not a random map entry; PreferDualStack with nothing allocatable fails
 * instead of returning an empty list.
 */
public final class Allocator {
  private Allocator() {}

  /** Addresses for {@code request}, given what is already in use. Records nothing. */
  public static AllocationResult allocate(PoolConfig pools, Collection<AddressInUse> inUse, AllocationRequest request) {
    Objects.requireNonNull(request, "request");
    return session(pools, inUse).allocate(request);
  }

  /** A stateful allocator starting from {@code inUse}, for allocating many Services in a row. */
  public static AllocationSession session(PoolConfig pools, Collection<AddressInUse> inUse) {
    return new AllocationSession(Objects.requireNonNull(pools, "pools"), inUse == null ? Set.of() : inUse);
  }

  /**
   * Whether {@code service} may use the address it asked for: refused only when another Service holds it and
   * sharing is off or impossible (IPv6, clashing ports, a holder without ports). Outside every pool is accepted.
   */
  public static RequestedAddressCheck checkRequested(PoolConfig pools, Collection<AddressInUse> inUse, ServiceRef service,
      VipAddress address, Set<ServicePort> ports) {
    return session(pools, inUse).checkRequested(service, address, ports == null ? Set.of() : Set.copyOf(ports));
  }
}
