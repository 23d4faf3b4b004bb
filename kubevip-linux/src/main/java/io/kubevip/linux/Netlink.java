// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux;

import static io.kubevip.linux.wire.netlink.NetlinkConstants.*;

import io.kubevip.linux.channel.NetlinkChannel;
import io.kubevip.linux.error.Errno;
import io.kubevip.linux.error.NetlinkException;
import io.kubevip.linux.error.NoSuchLinkException;
import io.kubevip.linux.jna.NetlinkSocket;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.HardwareAddress;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.model.Neigh;
import io.kubevip.linux.model.Route;
import io.kubevip.linux.wire.netlink.IfAddrMsg;
import io.kubevip.linux.wire.netlink.IfInfoMsg;
import io.kubevip.linux.wire.netlink.NdMsg;
import io.kubevip.linux.wire.netlink.NetlinkMessage;
import io.kubevip.linux.wire.netlink.RtMsg;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links, addresses and routes of one network namespace (the one the socket was opened in), over
 * rtnetlink. Every method names its iproute2 equivalent. Mutations are idempotent where the kernel
 * allows, and addresses we add carry our IFA_PROTO tag so {@link #ourAddresses()} still finds them
 * after a restart and never claims an address someone else configured.
 *
 * <p>Not thread-safe for concurrent use; calls are serialised on one socket.
 */
public final class Netlink implements AutoCloseable {
  /** IFA_PROTO value marking kubevip's addresses unless another one is chosen. */
  public static final int DEFAULT_ADDRESS_PROTOCOL = 248;

  private final NetlinkConnection conn;
  private final int addressProtocol;

  /** The outcome of an idempotent change. */
  public enum Change {
    /** We made the change. */
    ADDED,
    REMOVED,
    /** It was already as asked; nothing sent. */
    UNCHANGED,
    /** Someone else owns the object (different IFA_PROTO); left alone. */
    FOREIGN
  }

  private Netlink(NetlinkChannel channel, int addressProtocol) {
    if (addressProtocol < 1 || addressProtocol > 255) {
      throw new IllegalArgumentException("address protocol (IFA_PROTO) must be 1..255, was " + addressProtocol);
    }
    this.conn = new NetlinkConnection(channel);
    this.addressProtocol = addressProtocol;
  }

  /** Opens a socket in the calling thread's network namespace. */
  public static Netlink open() {
    return new Netlink(NetlinkSocket.open(), DEFAULT_ADDRESS_PROTOCOL);
  }

  /** As {@link #open()}, tagging and recognising addresses with IFA_PROTO {@code addressProtocol}. */
  public static Netlink open(int addressProtocol) {
    return new Netlink(NetlinkSocket.open(), addressProtocol);
  }

  /** Over any channel, e.g. a testkit fake. */
  public static Netlink over(NetlinkChannel channel, int addressProtocol) {
    return new Netlink(channel, addressProtocol);
  }

  public int addressProtocol() {
    return addressProtocol;
  }

  // ---- links

  /** Equivalent to: {@code ip -d link show}. */
  public List<Link> links() {
    List<Link> out = new ArrayList<>();
    for (NetlinkMessage m : conn.dump(RTM_GETLINK, NetlinkRequests.allLinks(), "listing links")) {
      if (m.payload() instanceof IfInfoMsg i) {
        out.add(ModelMapping.link(i));
      }
    }
    return out;
  }

  /** Equivalent to: {@code ip link show dev $name}; empty when there is none. */
  public Optional<Link> findLink(String name) {
    return links().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Equivalent to: {@code ip link show} filtered by ifindex. */
  public Optional<Link> linkByIndex(int index) {
    return links().stream().filter(l -> l.index() == index).findFirst();
  }

  /**
   * Equivalent to: {@code ip link show dev $name}.
   *
   * @throws NoSuchLinkException naming the interface and listing the existing ones
   */
  public Link link(String name) {
    return requireLink(name, "looking up interface " + name);
  }

  private Link requireLink(String name, String operation) {
    List<Link> all = links();
    for (Link l : all) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new NoSuchLinkException(operation, name, all.stream().map(Link::name).toList());
  }

  /** Equivalent to: {@code ip link set dev $name up}. */
  public void setLinkUp(String name) {
    setLink(name, true);
  }

  /** Equivalent to: {@code ip link set dev $name down}. */
  public void setLinkDown(String name) {
    setLink(name, false);
  }

  private void setLink(String name, boolean up) {
    String op = "setting " + name + (up ? " up" : " down");
    guard(op);
    Link l = requireLink(name, op);
    conn.ack(RTM_NEWLINK, 0, NetlinkRequests.setUp(l.index(), up), op);
  }

  /**
   * Equivalent to: {@code ip link add $name link $parent address $mac type macvlan mode bridge}.
   *
   * @param mac the MAC to use, or null for a random one
   */
  public Link addMacvlan(String name, String parent, HardwareAddress mac) {
    String op = "creating macvlan " + name + " on " + parent;
    guard(op);
    checkName(name);
    Link p = requireLink(parent, op);
    conn.ack(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, NetlinkRequests.macvlan(name, p.index(), mac), op);
    return requireLink(name, op);
  }

  /** Equivalent to: {@code ip link add $name link $parent type vlan id $vlanId}. */
  public Link addVlan(String name, String parent, int vlanId) {
    String op = "creating VLAN " + name + " (id " + vlanId + ") on " + parent;
    guard(op);
    checkName(name);
    Link p = requireLink(parent, op);
    conn.ack(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, NetlinkRequests.vlan(name, p.index(), vlanId), op);
    return requireLink(name, op);
  }

  /** Equivalent to: {@code ip link del dev $name}; {@link Change#UNCHANGED} when it is already gone. */
  public Change deleteLink(String name) {
    String op = "deleting interface " + name;
    guard(op);
    Optional<Link> l = findLink(name);
    if (l.isEmpty()) {
      return Change.UNCHANGED;
    }
    try {
      conn.ack(RTM_DELLINK, 0, NetlinkRequests.deleteLink(l.get().index()), op);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return Change.UNCHANGED;
      }
      throw e;
    }
    return Change.REMOVED;
  }

  private static void checkName(String name) {
    if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
      throw new IllegalArgumentException(
          "interface name '" + name + "' must be 1..15 characters without '/' or spaces");
    }
  }

  // ---- addresses

  /** Equivalent to: {@code ip addr show}. */
  public List<Addr> addresses() {
    List<Addr> out = new ArrayList<>();
    for (NetlinkMessage m : conn.dump(RTM_GETADDR, NetlinkRequests.allAddrs(), "listing addresses")) {
      if (m.payload() instanceof IfAddrMsg a && (a.family() == AF_INET || a.family() == AF_INET6)) {
        out.add(ModelMapping.addr(a));
      }
    }
    return out;
  }

  /** Equivalent to: {@code ip addr show dev $link}. */
  public List<Addr> addresses(String link) {
    int index = requireLink(link, "listing addresses of " + link).index();
    return addresses().stream().filter(a -> a.linkIndex() == index).toList();
  }

  /** The addresses carrying our IFA_PROTO tag, in every link; survives restarts of this process. */
  public List<Addr> ourAddresses() {
    return addresses().stream().filter(a -> a.protocol() == addressProtocol).toList();
  }

  /**
   * Equivalent to: {@code ip addr add $addr dev $link [label $label] [nodad]} plus IFA_PROTO (which
   * iproute2 6.1 cannot set). Idempotent: {@link Change#UNCHANGED} if we already hold it,
   * {@link Change#FOREIGN} (and nothing changed) if someone else configured it.
   */
  public Change addAddress(String link, Addr addr) {
    String op = "adding " + addr.cidr() + " to " + link;
    guard(op);
    Link l = requireLink(link, op);
    // Exclusive create first: the kernel refuses an address that is there, and only then is the (full) address
    // dump read to tell ours from someone else's. Dumping before every add made announcing N VIPs O(N²).
    try {
      conn.ack(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, NetlinkRequests.newAddr(l.index(), addr, addressProtocol), op);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.EEXIST) {
        return existingOwner(l.index(), addr).orElseThrow(() -> e);
      }
      throw e;
    }
    return Change.ADDED;
  }

  /**
   * Equivalent to: {@code ip addr replace $addr dev $link}: creates or overwrites flags and takes
   * ownership (our IFA_PROTO), whoever added it before.
   */
  public void replaceAddress(String link, Addr addr) {
    String op = "replacing " + addr.cidr() + " on " + link;
    guard(op);
    Link l = requireLink(link, op);
    conn.ack(RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, NetlinkRequests.newAddr(l.index(), addr, addressProtocol), op);
  }

  /**
   * Equivalent to: {@code ip addr del $addr dev $link}, but only for an address we added:
   * {@link Change#FOREIGN} leaves someone else's address in place; {@link Change#UNCHANGED} if absent.
   */
  public Change deleteAddress(String link, Addr addr) {
    String op = "deleting " + addr.cidr() + " from " + link;
    guard(op);
    Link l = requireLink(link, op);
    Optional<Change> existing = existingOwner(l.index(), addr);
    if (existing.isEmpty()) {
      return Change.UNCHANGED;
    }
    if (existing.get() == Change.FOREIGN) {
      return Change.FOREIGN;
    }
    return delete(l.index(), addr, op);
  }

  /**
   * Deletes an address the caller has just seen in {@link #addresses()} carrying our tag, without reading the
   * addresses again (batches: one dump for many deletes); {@link Change#UNCHANGED} if it went meanwhile.
   */
  public Change deleteListedAddress(Link link, Addr addr) {
    String op = "deleting " + addr.cidr() + " from " + link.name();
    guard(op);
    if (addr.protocol() != addressProtocol) {
      throw new IllegalArgumentException(op + ": the address does not carry our tag " + addressProtocol);
    }
    return delete(link.index(), addr, op);
  }

  /** RTM_DELADDR; {@link Change#UNCHANGED} when the kernel says it is not there (gone meanwhile). */
  private Change delete(int index, Addr addr, String op) {
    try {
      conn.ack(RTM_DELADDR, 0, NetlinkRequests.delAddr(index, addr), op);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.EADDRNOTAVAIL) {
        return Change.UNCHANGED;
      }
      throw e;
    }
    return Change.REMOVED;
  }

  private Optional<Change> existingOwner(int index, Addr addr) {
    return addresses().stream()
        .filter(a -> a.linkIndex() == index && a.sameAs(addr))
        .findFirst()
        .map(a -> a.protocol() == addressProtocol ? Change.UNCHANGED : Change.FOREIGN);
  }

  // ---- routes

  /** Equivalent to: {@code ip route show table all} (IPv4 and IPv6). */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (NetlinkMessage m : conn.dump(RTM_GETROUTE, NetlinkRequests.allRoutes(), "listing routes")) {
      if (m.payload() instanceof RtMsg r && (r.family() == AF_INET || r.family() == AF_INET6)) {
        out.add(ModelMapping.route(r));
      }
    }
    return out;
  }

  /** Equivalent to: {@code ip route show table $table; ip -6 route show table $table}. */
  public List<Route> routes(int table) {
    return routes().stream().filter(r -> r.table() == table).toList();
  }

  /**
   * Equivalent to: {@code ip route add $dst [via $gw] [dev $dev] table $table proto $proto type $type
   * scope $scope}. {@link Change#UNCHANGED} when the route already exists.
   */
  public Change addRoute(Route route) {
    String op = "adding route " + route.cidr() + " to table " + route.table();
    guard(op);
    try {
      conn.ack(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, NetlinkRequests.route(route), op);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.EEXIST) {
        return Change.UNCHANGED;
      }
      throw e;
    }
    return Change.ADDED;
  }

  /** Equivalent to: {@code ip route replace $dst ... table $table proto $proto}. */
  public void replaceRoute(Route route) {
    String op = "replacing route " + route.cidr() + " in table " + route.table();
    guard(op);
    conn.ack(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, NetlinkRequests.route(route), op);
  }

  /**
   * Equivalent to: {@code ip route del $dst table $table proto $proto [dev $dev] [via $gw]}; like ip,
   * it matches any type and scope. {@link Change#UNCHANGED} when absent.
   */
  public Change deleteRoute(Route route) {
    String op = "deleting route " + route.cidr() + " from table " + route.table();
    guard(op);
    try {
      conn.ack(RTM_DELROUTE, 0, NetlinkRequests.routeDelete(route), op);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ESRCH) {
        return Change.UNCHANGED;
      }
      throw e;
    }
    return Change.REMOVED;
  }

  /** Equivalent to: {@code ip route flush table $table proto $protocol} (both families). */
  public int deleteRoutes(int table, int protocol) {
    int n = 0;
    for (Route r : routes(table)) {
      if (r.protocol() == protocol && deleteRoute(r) == Change.REMOVED) {
        n++;
      }
    }
    return n;
  }

  // ---- neighbours

  /** Equivalent to: {@code ip neigh show}. */
  public List<Neigh> neighbours() {
    List<Neigh> out = new ArrayList<>();
    for (NetlinkMessage m : conn.dump(RTM_GETNEIGH, NetlinkRequests.allNeighs(), "listing neighbours")) {
      if (m.payload() instanceof NdMsg n) {
        ModelMapping.neigh(n).ifPresent(out::add);
      }
    }
    return out;
  }

  private void guard(String operation) {
    RootGuard.check(conn.channel().inRootNamespace(), operation);
  }

  @Override
  public void close() {
    conn.close();
  }
}
