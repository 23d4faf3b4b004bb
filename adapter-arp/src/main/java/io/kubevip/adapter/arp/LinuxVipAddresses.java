// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.address.InvalidVipException;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.Netlink.Change;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.model.Route;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VIPs on local interfaces over rtnetlink, tagged with our IFA_PROTO so only our own addresses are ever listed or
 * removed (an administrator's copy of the same address is left alone). IPv6 VIPs skip duplicate address detection
 * by default ({@code IFA_F_NODAD}, kube-vip {@code vip_skipdad}): with DAD the address is unusable for about a
 * second after a failover and the kernel sends no NA for it. On {@code lo} addresses get host scope, as kube-vip
 * does unless {@code vip_interfaceloglobal}. An address of ours found in {@code dadfailed} is replaced by one
 * without DAD when added again, also after a remove (kube-vip#523: remove and re-add with NODAD).
 *
 * <p>Thread-safe: calls are serialised on one netlink socket, opened at construction in the creating thread's
 * network namespace (or the one given) and usable from any thread afterwards.
 */
public final class LinuxVipAddresses implements VipAddressPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxVipAddresses.class);
  private static final String LOOPBACK = "lo";

  private final Netlink netlink;
  private final boolean skipDad;
  private final boolean loopbackGlobal;
  /** VIPs removed while in dadfailed: their next add skips DAD whatever {@code skipDad} says (kube-vip#523). */
  private final Set<String> noDadNext = new java.util.HashSet<>();

  /** Over an open {@link Netlink}, which this instance closes. */
  public LinuxVipAddresses(Netlink netlink, boolean skipDad, boolean loopbackGlobal) {
    this.netlink = java.util.Objects.requireNonNull(netlink, "netlink");
    this.skipDad = skipDad;
    this.loopbackGlobal = loopbackGlobal;
  }

  /**
   * Opens a netlink socket in the calling thread's network namespace, tagging with
   * {@link Netlink#DEFAULT_ADDRESS_PROTOCOL}.
   *
   * @param skipDad add IPv6 VIPs with {@code nodad} (recommended; kube-vip {@code vip_skipdad})
   */
  public static LinuxVipAddresses open(boolean skipDad) {
    return open(skipDad, false);
  }

  /** As {@link #open(boolean)}; {@code loopbackGlobal} keeps global scope on {@code lo} (vip_interfaceloglobal). */
  public static LinuxVipAddresses open(boolean skipDad, boolean loopbackGlobal) {
    return new LinuxVipAddresses(open(Opener.here()), skipDad, loopbackGlobal);
  }

  /** As {@link #open(boolean)}, in {@code namespace} (lab and tests). */
  public static LinuxVipAddresses openIn(NetNamespace namespace, boolean skipDad) {
    return new LinuxVipAddresses(open(Opener.in(namespace)), skipDad, false);
  }

  private static Netlink open(Opener opener) {
    try {
      return opener.open(Netlink::open);
    } catch (LinuxException e) {
      throw new PortException("opening a netlink socket for VIP addresses: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void add(VipAddress vip, InterfaceName iface) {
    Addr wanted = toAddr(vip, iface);
    if (noDadNext.remove(vip + "@" + iface)) {
      wanted = wanted.withNoDad();
    }
    try {
      Change c = netlink.addAddress(iface.name(), wanted);
      if (c == Change.FOREIGN) {
        LOG.info("VIP {} is already on {}, configured by someone else; leaving it as it is", vip, iface);
      } else if (c == Change.UNCHANGED && dadFailed(iface, wanted)) {
        LOG.warn("VIP {} on {} failed duplicate address detection; adding it again without DAD", vip, iface);
        netlink.deleteAddress(iface.name(), wanted);
        netlink.addAddress(iface.name(), wanted.withNoDad());
      }
    } catch (LinuxException e) {
      throw new PortException("VIP " + vip + ": " + e.getMessage(), e);
    }
  }

  private boolean dadFailed(InterfaceName iface, Addr wanted) {
    return netlink.addresses(iface.name()).stream()
        .anyMatch(a -> a.sameAs(wanted) && a.protocol() == netlink.addressProtocol() && a.isDadFailed());
  }

  @Override
  public synchronized void remove(VipAddress vip, InterfaceName iface) {
    try {
      if (netlink.findLink(iface.name()).isEmpty()) {
        return; // the interface went away and took the address with it
      }
      Addr addr = toAddr(vip, iface);
      if (vip.family() == io.kubevip.domain.address.IpFamily.IPV6 && dadFailed(iface, addr)) {
        noDadNext.add(vip + "@" + iface);
      }
      if (netlink.deleteAddress(iface.name(), addr) == Change.FOREIGN) {
        LOG.info("not removing VIP {} from {}: someone else configured it", vip, iface);
      }
    } catch (LinuxException e) {
      throw new PortException("VIP " + vip + ": " + e.getMessage(), e);
    }
  }

  /** One link and one address dump for the whole batch, then one delete per address of ours that is there. */
  @Override
  public synchronized Map<VipBinding, PortException> removeAll(Collection<VipBinding> bindings) {
    Map<VipBinding, PortException> failed = new LinkedHashMap<>();
    if (bindings.isEmpty()) {
      return failed;
    }
    KernelAddresses now;
    try {
      now = KernelAddresses.read(netlink);
    } catch (LinuxException e) {
      bindings.forEach(b -> failed.put(b, new PortException("VIP " + b.vip() + ": " + e.getMessage(), e)));
      return failed;
    }
    for (VipBinding b : bindings) {
      Link link = now.links().get(b.iface().name());
      Addr there = link == null ? null : now.addresses().get(AddressKey.of(b));
      if (there == null) {
        continue; // absent, or the interface went away and took the address with it
      }
      if (there.protocol() != netlink.addressProtocol()) {
        LOG.info("not removing VIP {} from {}: someone else configured it", b.vip(), b.iface());
        continue;
      }
      if (there.isIpv6() && there.isDadFailed()) {
        noDadNext.add(b.vip() + "@" + b.iface());
      }
      try {
        netlink.deleteListedAddress(link, there);
      } catch (LinuxException e) {
        failed.put(b, new PortException("VIP " + b.vip() + ": " + e.getMessage(), e));
      }
    }
    return failed;
  }

  @Override
  public synchronized Set<VipAddress> listOurs(InterfaceName iface) {
    try {
      Optional<Link> link = netlink.findLink(iface.name());
      if (link.isEmpty()) {
        return Set.of();
      }
      Set<VipAddress> out = new TreeSet<>();
      for (Addr a : netlink.ourAddresses()) {
        if (a.linkIndex() == link.get().index()) {
          try {
            out.add(VipAddress.of(a.address(), a.prefixLength()));
          } catch (InvalidVipException notAVip) {
            LOG.debug("ignoring tagged address {} on {}: {}", a.cidr(), iface, notAVip.getMessage());
          }
        }
      }
      return Set.copyOf(out);
    } catch (LinuxException e) {
      throw new PortException("listing our VIPs on " + iface + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Map<InterfaceName, Set<VipAddress>> listAllOurs() {
    try {
      List<Addr> ours = netlink.ourAddresses();
      if (ours.isEmpty()) {
        return Map.of();
      }
      Map<Integer, String> names = new HashMap<>();
      netlink.links().forEach(l -> names.put(l.index(), l.name()));
      Map<InterfaceName, Set<VipAddress>> out = new HashMap<>();
      for (Addr a : ours) {
        String name = names.get(a.linkIndex());
        if (name == null) {
          continue; // the link went away between the two dumps
        }
        try {
          out.computeIfAbsent(InterfaceName.of(name), k -> new TreeSet<>()).add(VipAddress.of(a.address(), a.prefixLength()));
        } catch (InvalidVipException notAVip) {
          LOG.debug("ignoring tagged address {} on {}: {}", a.cidr(), name, notAVip.getMessage());
        }
      }
      Map<InterfaceName, Set<VipAddress>> copy = new HashMap<>();
      out.forEach((iface, vips) -> copy.put(iface, Set.copyOf(vips)));
      return Map.copyOf(copy);
    } catch (LinuxException e) {
      throw new PortException("listing our VIPs on every interface: " + e.getMessage(), e);
    }
  }

  /** The request for {@code vip}: its prefix, NODAD for IPv6 unless DAD is wanted, host scope on lo. */
  Addr toAddr(VipAddress vip, InterfaceName iface) {
    if (vip.isDhcpMarker()) {
      throw new PortException("VIP " + vip + " on " + iface
          + ": the DHCP marker is not an address; lease a real one before adding it");
    }
    int flags = vip.family() == io.kubevip.domain.address.IpFamily.IPV6 && skipDad ? Addr.IFA_F_NODAD : 0;
    int scope = iface.name().equals(LOOPBACK) && !loopbackGlobal ? Route.RT_SCOPE_HOST : Route.RT_SCOPE_UNIVERSE;
    return new Addr(0, vip.address(), vip.prefixLength(), scope, "", flags, 0);
  }

  @Override
  public synchronized void close() {
    netlink.close();
  }
}
