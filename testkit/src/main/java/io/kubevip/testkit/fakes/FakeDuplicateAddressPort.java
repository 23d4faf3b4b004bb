// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.PortException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Other hosts' claims in memory: {@link #claim} makes a MAC answer probes for a VIP. Probes return at once. */
public final class FakeDuplicateAddressPort implements DuplicateAddressPort {
  private final CallLog log;
  private final Set<InterfaceName> interfaces;
  private final Map<VipAddress, Set<String>> claims = new HashMap<>();

  public FakeDuplicateAddressPort(InterfaceName... existing) {
    this(new CallLog(), existing);
  }

  public FakeDuplicateAddressPort(CallLog log, InterfaceName... existing) {
    this.log = log;
    this.interfaces = Set.of(existing);
  }

  /** Another host with {@code mac} (aa:bb:cc:dd:ee:ff) now answers for {@code vip}. */
  public synchronized void claim(VipAddress vip, String mac) {
    claims.computeIfAbsent(vip, v -> new HashSet<>()).add(mac.toLowerCase(java.util.Locale.ROOT));
  }

  /** The host with {@code mac} no longer answers for {@code vip}. */
  public synchronized void release(VipAddress vip, String mac) {
    claims.getOrDefault(vip, new HashSet<>()).remove(mac.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public synchronized Set<String> probe(VipAddress vip, InterfaceName iface, Duration window) {
    log.record(RecordedCall.of("duplicate.probe", vip, iface));
    if (!interfaces.contains(iface)) {
      throw new PortException("probing for " + vip + " on " + iface + ": no such interface");
    }
    return Set.copyOf(claims.getOrDefault(vip, Set.of()));
  }

  public CallLog log() {
    return log;
  }
}
