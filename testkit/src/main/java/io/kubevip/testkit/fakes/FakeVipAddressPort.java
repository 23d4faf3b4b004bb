// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Interfaces and their VIPs in memory. Interfaces must exist ({@link #withInterface}) as on a real node. */
public final class FakeVipAddressPort implements VipAddressPort {
  private final CallLog log;
  private final Map<InterfaceName, Set<VipAddress>> interfaces = new HashMap<>();

  public FakeVipAddressPort(InterfaceName... existing) {
    this(new CallLog(), existing);
  }

  /** Records into {@code log}, shared with other fakes to assert the order of calls across ports. */
  public FakeVipAddressPort(CallLog log, InterfaceName... existing) {
    this.log = log;
    for (InterfaceName iface : existing) {
      interfaces.put(iface, new TreeSet<>());
    }
  }

  public synchronized FakeVipAddressPort withInterface(InterfaceName iface) {
    interfaces.putIfAbsent(iface, new TreeSet<>());
    return this;
  }

  @Override
  public synchronized void add(VipAddress vip, InterfaceName iface) {
    log.record(RecordedCall.of("address.add", vip, iface));
    existing(iface, "adding " + vip + " to").add(vip);
  }

  @Override
  public synchronized void remove(VipAddress vip, InterfaceName iface) {
    log.record(RecordedCall.of("address.remove", vip, iface));
    Set<VipAddress> vips = interfaces.get(iface);
    if (vips != null) {
      vips.remove(vip);
    }
  }

  @Override
  public synchronized Set<VipAddress> listOurs(InterfaceName iface) {
    log.record(RecordedCall.of("address.listOurs", iface));
    return Set.copyOf(interfaces.getOrDefault(iface, Set.of()));
  }

  @Override
  public synchronized Map<InterfaceName, Set<VipAddress>> listAllOurs() {
    Map<InterfaceName, Set<VipAddress>> out = new HashMap<>();
    interfaces.forEach((iface, vips) -> {
      if (!vips.isEmpty()) {
        out.put(iface, Set.copyOf(vips));
      }
    });
    return Map.copyOf(out);
  }

  /** Simulates an administrator deleting our address behind our back (not recorded as a call). */
  public synchronized void deleteExternally(VipAddress vip, InterfaceName iface) {
    interfaces.getOrDefault(iface, new TreeSet<>()).remove(vip);
  }

  /** Current VIPs on {@code iface} without recording a call. */
  public synchronized Set<VipAddress> addresses(InterfaceName iface) {
    return Set.copyOf(interfaces.getOrDefault(iface, Set.of()));
  }

  public CallLog log() {
    return log;
  }

  private Set<VipAddress> existing(InterfaceName iface, String doing) {
    Set<VipAddress> vips = interfaces.get(iface);
    if (vips == null) {
      throw new PortException(doing + " " + iface + ": no such interface");
    }
    return vips;
  }
}
