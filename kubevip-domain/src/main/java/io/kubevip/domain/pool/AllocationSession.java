// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An allocator that remembers what it handed out, for reconciling many Services in one pass (and for the JMH
 * benchmark): the same answers as calling {@link Allocator#allocate} with a growing in-use set, without
 * rebuilding the set or rescanning the pool from its start each time. Not thread-safe: one reconcile loop owns it.
 */
public final class AllocationSession {
  private final PoolConfig config;
  private final InUseIndex inUse;
  private final Map<Pool, Map<IpFamily, PoolCursor>> cursors = new HashMap<>();

  AllocationSession(PoolConfig config, Collection<AddressInUse> initial) {
    this.config = config;
    this.inUse = new InUseIndex(config.anySharing());
    initial.forEach(inUse::add);
  }

  /** Allocates for {@code request} and records the result as in use; nothing is recorded on failure. */
  public AllocationResult allocate(AllocationRequest request) {
    AllocationResult result = new AllocationPlan(config, this::pick, request).run();
    if (result instanceof Allocated a) {
      for (VipAddress address : a.addresses()) {
        inUse.add(new AddressInUse(address, request.service(), request.ports()));
      }
    }
    return result;
  }

  /** Records an address chosen elsewhere (a user-set annotation, an existing Service) as in use. */
  public void recordInUse(AddressInUse use) {
    inUse.add(use);
  }

  /**
   * Forgets every address of {@code service} (deleted Service); the freed addresses can be handed out again.
   * ServiceRef equality includes the uid: pass the ref the addresses were recorded with.
   */
  public void release(ServiceRef service) {
    for (AddressValue freed : inUse.remove(service)) {
      for (Map.Entry<Pool, Map<IpFamily, PoolCursor>> e : cursors.entrySet()) {
        PoolCursor c = e.getValue().get(freed.family());
        if (c != null) {
          c.released(freed, e.getKey().ranges(freed.family()));
        }
      }
    }
  }

  /** Checks an address the user chose, against the pools and what this session holds; records nothing. */
  public RequestedAddressCheck checkRequested(ServiceRef service, VipAddress address, Set<ServicePort> ports) {
    return RequestedCheck.check(config, inUse, service, address, ports);
  }

  /** Every address record held, handed out or recorded. */
  public List<AddressInUse> inUse() {
    return inUse.all();
  }

  // One family from one pool: DHCP marker, a shared address, or the next free one; a reason when none.
  private AllocationPlan.Pick pick(Pool pool, IpFamily family, AllocationRequest request) {
    if (pool.isDhcp(family)) {
      return new AllocationPlan.Pick(VipAddress.dhcpMarker(family), null, null);
    }
    String ns = request.service().namespace();
    RangeSet set = pool.ranges(family);
    if (family == IpFamily.IPV4 && config.allowShare(ns) && !request.ports().isEmpty()) {
      AddressValue v = inUse.firstShareable(set, request.ports(), config.searchOrder());
      if (v != null) {
        List<String> with = new ArrayList<>();
        inUse.holders(v).forEach(h -> with.add(h.service().key()));
        VipAddress shared = v.toVip();
        return new AllocationPlan.Pick(shared, shared.hostText() + " shared with " + String.join(", ", with), null);
      }
    }
    PoolCursor cursor = cursors.computeIfAbsent(pool, p -> new HashMap<>())
        .computeIfAbsent(family, f -> new PoolCursor(set, config.searchOrder()));
    AddressValue v = cursor.next(a -> !inUse.inUse(a));
    if (v == null) {
      return new AllocationPlan.Pick(null, null, "every " + family.kubernetesName() + " address of " + pool + " is in use"
          + (config.allowShare(ns) && family == IpFamily.IPV4 ? " and none can be shared with ports "
              + new TreeSet<>(request.ports()) : ""));
    }
    return new AllocationPlan.Pick(v.toVip(), null, null);
  }
}
