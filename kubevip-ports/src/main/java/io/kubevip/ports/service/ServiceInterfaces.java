// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.PortException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The interface a Service's VIPs go on, as kube-vip chooses it: {@code kube-vip.io/serviceInterface}, else the pool's
 * {@code interface-<namespace>} (kube-vip-cloud-provider stamps it as that annotation), else
 * {@code vip_servicesinterface}, else {@code vip_interface}. At any of these levels {@code auto} means the interface
 * with an address whose prefix holds the VIP; when no interface does (or the addresses cannot be read), the next level
 * applies and the fallback is logged once per VIP and carried as a note for the announcement Event.
 *
 * <p>Not thread-safe: used inside the controller's serialised pass. Subnets are read once per pass, on the first
 * {@code auto} question of the pass ({@link InterfaceSubnetsPort#snapshot()}).
 */
final class ServiceInterfaces {
  private static final System.Logger LOG = System.getLogger(ServiceInterfaces.class.getName());
  static final String AUTO = "auto";

  /** Where the unit goes and, when {@code auto} had to fall back, a sentence saying so. */
  record Choice(InterfaceName iface, Optional<String> note) {}

  private final InterfaceSubnetsPort subnets;
  private final InterfaceName vipInterface;
  private final Optional<String> servicesInterface;
  private final Map<VipAddress, Optional<InterfaceName>> asked = new HashMap<>();
  /** This pass's read of the subnets; null until the first {@code auto} question of the pass. */
  private InterfaceSubnetsPort thisPass;
  private final Set<String> logged = new HashSet<>();
  private final Set<String> loggedThisPass = new HashSet<>();

  /**
   * @param servicesInterface {@code vip_servicesinterface} as configured ({@code auto} allowed), empty when unset
   */
  ServiceInterfaces(InterfaceSubnetsPort subnets, InterfaceName vipInterface, Optional<String> servicesInterface) {
    this.subnets = Objects.requireNonNull(subnets, "subnets");
    this.vipInterface = Objects.requireNonNull(vipInterface, "vipInterface");
    this.servicesInterface = servicesInterface.map(String::trim).filter(n -> !n.isEmpty());
  }

  /** Starts a pass: subnets are read afresh, and fallbacks no longer in use may be logged again later. */
  void beginPass() {
    asked.clear();
    thisPass = null;
    logged.retainAll(loggedThisPass);
    loggedThisPass.clear();
  }

  Choice choose(ServiceIntent s, PoolConfig pools, VipAddress anchor) {
    StringBuilder note = new StringBuilder();
    Optional<InterfaceName> chosen = level(s.serviceInterface(), "kube-vip.io/serviceInterface", anchor, note)
        .or(() -> level(pools.interfaceName(s.service().namespace()), "interface-" + s.service().namespace(), anchor,
            note))
        .or(() -> level(servicesInterface, "vip_servicesinterface", anchor, note));
    InterfaceName iface = chosen.orElse(vipInterface);
    if (note.length() == 0) {
      return new Choice(iface, Optional.empty());
    }
    String text = note + "; using " + iface;
    String key = anchor + "->" + iface;
    loggedThisPass.add(key);
    if (logged.add(key)) {
      LOG.log(System.Logger.Level.INFO, "Service " + s.service().key() + ": " + text);
    }
    return new Choice(iface, Optional.of(text));
  }

  private Optional<InterfaceName> level(Optional<String> value, String source, VipAddress anchor, StringBuilder note) {
    Optional<String> name = value.map(String::trim).filter(n -> !n.isEmpty());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (!name.get().equals(AUTO)) {
      try {
        return Optional.of(InterfaceName.of(name.get()));
      } catch (IllegalArgumentException e) {
        append(note, source + " '" + name.get() + "' is not an interface name (" + e.getMessage() + ")");
        return Optional.empty();
      }
    }
    Optional<InterfaceName> found = subnet(anchor, note);
    if (found.isEmpty()) {
      append(note, source + " is auto but no interface has a subnet holding " + anchor.hostText());
    }
    return found;
  }

  private Optional<InterfaceName> subnet(VipAddress vip, StringBuilder note) {
    Optional<InterfaceName> known = asked.get(vip);
    if (known != null) {
      return known;
    }
    Optional<InterfaceName> found;
    try {
      if (thisPass == null) {
        thisPass = subnets.snapshot();
      }
      found = thisPass.interfaceFor(vip);
    } catch (PortException e) {
      append(note, "reading the interface subnets failed (" + e.getMessage() + ")");
      return Optional.empty(); // not remembered: the next Service asks again
    }
    asked.put(vip, found);
    return found;
  }

  private static void append(StringBuilder note, String text) {
    if (note.length() > 0) {
      note.append("; ");
    }
    note.append(text);
  }
}
