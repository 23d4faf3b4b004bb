// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.PortException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node's interface addresses in memory: {@link #withSubnet} is an address configured by the administrator,
 * {@link #withOwnVip} one of ours (tagged), which never counts. Interfaces rank in the order first mentioned, as
 * interface indexes do on a real node. {@link #failing} makes every question throw, as an unreadable kernel would.
 */
public final class FakeInterfaceSubnetsPort implements InterfaceSubnetsPort {
  private record Entry(InterfaceName iface, InetAddress network, int prefix, boolean ours, int rank) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<InterfaceName> order = new ArrayList<>();
  private volatile PortException failure;
  private int reads;

  /** An administrator's address {@code cidr} (e.g. {@code 10.0.0.5/24}) on {@code iface}. */
  public synchronized FakeInterfaceSubnetsPort withSubnet(InterfaceName iface, String cidr) {
    return add(iface, cidr, false);
  }

  /** One of our VIPs on {@code iface}, with its prefix; ignored by {@link #interfaceFor}. */
  public synchronized FakeInterfaceSubnetsPort withOwnVip(InterfaceName iface, VipAddress vip) {
    return add(iface, vip.toString(), true);
  }

  /** Removes every address of {@code iface}. */
  public synchronized void removeInterface(InterfaceName iface) {
    entries.removeIf(e -> e.iface().equals(iface));
  }

  /** From now on every question throws {@code failure}; null to answer again. */
  public void failing(PortException failure) {
    this.failure = failure;
  }

  /** How often the subnets were read: each {@link #interfaceFor} on this port and each {@link #snapshot()}. */
  public synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized Optional<InterfaceName> interfaceFor(VipAddress vip) {
    return snapshot().interfaceFor(vip);
  }

  /** A frozen copy: later changes to this fake do not show in it, and asking it reads nothing. */
  @Override
  public synchronized InterfaceSubnetsPort snapshot() {
    reads++;
    PortException f = failure;
    if (f != null) {
      throw f;
    }
    List<Entry> frozen = List.copyOf(entries);
    return vip -> vip.isDhcpMarker() ? Optional.empty()
        : frozen.stream().filter(e -> !e.ours() && contains(e.network(), e.prefix(), vip.address()))
            .min(Comparator.comparingInt((Entry e) -> -e.prefix()).thenComparingInt(Entry::rank))
            .map(Entry::iface);
  }

  private FakeInterfaceSubnetsPort add(InterfaceName iface, String cidr, boolean ours) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("expected address/prefix, e.g. 10.0.0.5/24, was '" + cidr + "'");
    }
    try {
      InetAddress address = InetAddress.getByName(cidr.substring(0, slash));
      if (!order.contains(iface)) {
        order.add(iface);
      }
      entries.add(new Entry(iface, address, Integer.parseInt(cidr.substring(slash + 1)), ours, order.indexOf(iface)));
      return this;
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("expected address/prefix, e.g. 10.0.0.5/24, was '" + cidr + "'", e);
    }
  }

  private static boolean contains(InetAddress network, int prefix, InetAddress ip) {
    byte[] n = network.getAddress();
    byte[] a = ip.getAddress();
    if (n.length != a.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((n[bit / 8] & mask) != (a[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
