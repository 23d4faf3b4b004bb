// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.model.Addr;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.PortException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code auto} interfaces from the kernel: one address dump ({@code ip addr show}) per {@link #snapshot()} (a pass),
 * so an address added or removed by the administrator counts at the next pass. Addresses carrying our IFA_PROTO tag (our own VIPs) are
 * left out, as are dadfailed ones. Thread-safe: calls are serialised on one netlink socket, opened at construction
 * in the calling thread's network namespace or the one given.
 */
public final class LinuxInterfaceSubnets implements InterfaceSubnetsPort, AutoCloseable {
  private final Netlink netlink;

  /** Over an open {@link Netlink}, which this instance closes. */
  public LinuxInterfaceSubnets(Netlink netlink) {
    this.netlink = Objects.requireNonNull(netlink, "netlink");
  }

  /** Opens a netlink socket in the calling thread's network namespace. */
  public static LinuxInterfaceSubnets open() {
    return new LinuxInterfaceSubnets(open(Opener.here()));
  }

  /** As {@link #open()}, in {@code namespace} ({@code kubevip_netns}, labs and tests). */
  public static LinuxInterfaceSubnets openIn(NetNamespace namespace) {
    return new LinuxInterfaceSubnets(open(Opener.in(namespace)));
  }

  private static Netlink open(Opener opener) {
    try {
      return opener.open(Netlink::open);
    } catch (LinuxException e) {
      throw new PortException("opening a netlink socket for interface subnets: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<InterfaceName> interfaceFor(VipAddress vip) {
    return snapshot().interfaceFor(vip);
  }

  /** One address dump (and a link dump only when a VIP matched) answers every question of the pass. */
  @Override
  public synchronized InterfaceSubnetsPort snapshot() {
    List<Addr> subnets;
    try {
      subnets = netlink.addresses().stream()
          .filter(a -> a.protocol() != netlink.addressProtocol() && !a.isDadFailed()).toList();
    } catch (LinuxException e) {
      throw new PortException("reading the interface subnets: " + e.getMessage(), e);
    }
    Map<Integer, Optional<InterfaceName>> names = new HashMap<>();
    return vip -> {
      if (vip.isDhcpMarker()) {
        return Optional.empty();
      }
      Optional<Addr> best = subnets.stream()
          .filter(a -> Prefixes.contains(a.address(), a.prefixLength(), vip.address()))
          .min(Comparator.comparingInt((Addr a) -> -a.prefixLength()).thenComparingInt(Addr::linkIndex));
      return best.flatMap(a -> names.computeIfAbsent(a.linkIndex(), this::linkName));
    };
  }

  private synchronized Optional<InterfaceName> linkName(int index) {
    try {
      return netlink.linkByIndex(index).map(l -> InterfaceName.of(l.name()));
    } catch (LinuxException e) {
      throw new PortException("naming interface " + index + " for a subnet: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    netlink.close();
  }
}
