// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Addresses in use: a hash map for the O(1) "is it free?" the scan asks per step, and (only when some namespace
 * may share) a {@link ShareIndex} of IPv4 addresses for the search for an address to share.
 */
final class InUseIndex {
  private final Map<AddressValue, List<AddressInUse>> holders = new HashMap<>();
  private final Map<ServiceRef, List<AddressInUse>> byService = new HashMap<>();
  private final ShareIndex sharing;

  InUseIndex(boolean trackSharing) {
    this.sharing = trackSharing ? new ShareIndex() : null;
  }

  void add(AddressInUse use) {
    byService.computeIfAbsent(use.service(), s -> new ArrayList<>()).add(use);
    if (use.address().isDhcpMarker()) {
      return; // every DHCP Service leases its own address: the marker blocks nothing
    }
    AddressValue v = AddressValue.of(use.address());
    List<AddressInUse> list = holders.computeIfAbsent(v, a -> new ArrayList<>(1));
    list.add(use);
    if (sharing != null && v.family() == IpFamily.IPV4) {
      sharing.update(v, list);
    }
  }

  /** Removes every record of {@code service}; returns the addresses that became free. */
  List<AddressValue> remove(ServiceRef service) {
    List<AddressInUse> uses = byService.remove(service);
    List<AddressValue> freed = new ArrayList<>();
    if (uses == null) {
      return freed;
    }
    for (AddressInUse use : uses) {
      if (use.address().isDhcpMarker()) {
        continue;
      }
      AddressValue v = AddressValue.of(use.address());
      List<AddressInUse> list = holders.get(v);
      list.remove(use);
      if (sharing != null && v.family() == IpFamily.IPV4) {
        sharing.update(v, list);
      }
      if (list.isEmpty()) {
        holders.remove(v);
        freed.add(v);
      }
    }
    return freed;
  }

  boolean inUse(AddressValue v) {
    return holders.containsKey(v);
  }

  List<AddressInUse> holders(AddressValue v) {
    return holders.getOrDefault(v, List.of());
  }

  /** See {@link ShareIndex#firstShareable}; null when sharing is not tracked. */
  AddressValue firstShareable(RangeSet pool, Set<ServicePort> ports, SearchOrder order) {
    return sharing == null ? null : sharing.firstShareable(pool, ports, order);
  }

  /** All records, for copying a session. */
  List<AddressInUse> all() {
    List<AddressInUse> all = new ArrayList<>();
    byService.values().forEach(all::addAll);
    return all;
  }
}
