// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.linux.Netlink;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.Link;
import java.util.HashMap;
import java.util.Map;

/**
 * Every link by name and every address by {@link AddressKey}, from one link dump and one address dump: what a batch
 * (guarding or removing thousands of VIPs) reads once instead of once per VIP.
 */
record KernelAddresses(Map<String, Link> links, Map<AddressKey, Addr> addresses) {

  static KernelAddresses read(Netlink netlink) {
    Map<Integer, String> names = new HashMap<>();
    Map<String, Link> links = new HashMap<>();
    for (Link l : netlink.links()) {
      links.put(l.name(), l);
      names.put(l.index(), l.name());
    }
    Map<AddressKey, Addr> addresses = new HashMap<>();
    for (Addr a : netlink.addresses()) {
      String name = names.get(a.linkIndex());
      if (name != null) {
        addresses.put(AddressKey.of(name, a), a);
      }
    }
    return new KernelAddresses(links, addresses);
  }
}
