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

/**
 * Other hosts' claims in memory: {@link #claim} makes a MAC answer probes for a VIP, {@link #announceClaim} is a
 * claim seen on the wire by monitors (delivered synchronously on the calling thread). Probes return at once.
 */
public final class FakeDuplicateAddressPort implements DuplicateAddressPort {
  private final CallLog log;
  private final Set<InterfaceName> interfaces;
  private final Map<VipAddress, Set<String>> claims = new HashMap<>();
  private final java.util.List<FakeMonitor> monitors = new java.util.concurrent.CopyOnWriteArrayList<>();

  private record FakeMonitor(InterfaceName iface, Set<VipAddress> vips, ConflictListener listener,
      java.util.concurrent.atomic.AtomicBoolean open) implements Monitor {
    @Override
    public void close() {
      open.set(false);
    }
  }

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

  @Override
  public synchronized Monitor monitor(InterfaceName iface, Set<VipAddress> vips, ConflictListener listener) {
    log.record(RecordedCall.of("duplicate.monitor", iface, Set.copyOf(vips)));
    if (!interfaces.contains(iface)) {
      throw new PortException("monitoring " + vips + " on " + iface + ": no such interface");
    }
    FakeMonitor m = new FakeMonitor(iface, Set.copyOf(vips), listener, new java.util.concurrent.atomic.AtomicBoolean(true));
    monitors.add(m);
    return m;
  }

  /** The host with {@code mac} announces {@code vip} on {@code iface}: open monitors of that VIP hear it. */
  public void announceClaim(VipAddress vip, InterfaceName iface, String mac) {
    for (FakeMonitor m : monitors) {
      if (m.open().get() && m.iface().equals(iface) && m.vips().contains(vip)) {
        m.listener().conflict(vip, iface, mac.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  public CallLog log() {
    return log;
  }
}
