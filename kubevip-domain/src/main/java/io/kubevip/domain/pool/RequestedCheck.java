// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules behind {@link Allocator#checkRequested}; shared by the pure function and the session. */
final class RequestedCheck {
  private RequestedCheck() {}

  static RequestedAddressCheck check(PoolConfig config, InUseIndex inUse, ServiceRef service, VipAddress address,
      Set<ServicePort> ports) {
    if (address.isDhcpMarker()) {
      return new RequestedAddressCheck.Accepted(false, List.of()); // each DHCP Service leases its own address
    }
    boolean outside = config.pools().stream().noneMatch(p -> p.contains(address));
    AddressValue v = AddressValue.of(address);
    List<AddressInUse> holders = inUse.holders(v);
    if (!Sharing.usedByOthers(holders, service)) {
      return new RequestedAddressCheck.Accepted(outside, List.of());
    }
    String ns = service.namespace();
    String prefix = address.hostText() + " is already in use";
    if (address.family() != IpFamily.IPV4) {
      return new RequestedAddressCheck.Refused(prefix + " by " + others(holders, service)
          + " and only IPv4 addresses can be shared (as in kube-vip-cloud-provider)");
    }
    if (!config.allowShare(ns)) {
      return new RequestedAddressCheck.Refused(prefix + " by " + others(holders, service)
          + " and sharing is off for namespace " + ns + " (allow-share-" + ns + " / allow-share-global)");
    }
    String clash = Sharing.clash(holders, service, ports);
    if (clash != null) {
      return new RequestedAddressCheck.Refused(prefix + ": " + clash);
    }
    return new RequestedAddressCheck.Accepted(outside, others(holders, service));
  }

  private static List<String> others(List<AddressInUse> holders, ServiceRef self) {
    List<String> out = new ArrayList<>();
    for (AddressInUse h : holders) {
      if (!h.service().equals(self) && !out.contains(h.service().key())) {
        out.add(h.service().key());
      }
    }
    return out;
  }
}
