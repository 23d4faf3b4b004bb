// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Addresses in use: a hash map for the O(1) "is it free?" the scan asks per step, and a sorted set of IPv4
 * addresses for the (rarer) search for an address to share, which must be deterministic.
 */
final class InUseIndex {
  private final Map<AddressValue, List<AddressInUse>> holders = new HashMap<>();
  private final Map<ServiceRef, List<AddressInUse>> byService = new HashMap<>();
  private final TreeSet<AddressValue> ipv4 = new TreeSet<>();

  void add(AddressInUse use) {
    byService.computeIfAbsent(use.service(), s -> new ArrayList<>()).add(use);
    if (use.address().isDhcpMarker()) {
      return; // every DHCP Service leases its own address: the marker blocks nothing
    }
    AddressValue v = AddressValue.of(use.address());
    holders.computeIfAbsent(v, a -> new ArrayList<>()).add(use);
    if (v.family() == IpFamily.IPV4) {
      ipv4.add(v);
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
      if (list.isEmpty()) {
        holders.remove(v);
        ipv4.remove(v);
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

  NavigableSet<AddressValue> ipv4InOrder(SearchOrder order) {
    return order == SearchOrder.ASCENDING ? ipv4 : ipv4.descendingSet();
  }

  /** All records, for copying a session. */
  List<AddressInUse> all() {
    List<AddressInUse> all = new ArrayList<>();
    byService.values().forEach(all::addAll);
    return all;
  }
}
