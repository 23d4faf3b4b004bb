// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The VIPs that always move together: a Service's lowest address (the anchor) and its other-family address, plus
 * every Service sharing the anchor. Placing units rather than single VIPs keeps a dual-stack Service on one node,
 * matches kube-vip's one {@code vipHost} per Service, and makes a shared IP one VIP with one owner.
 */
final class VipUnit {
  final VipAddress anchor;
  final Set<VipAddress> vips = new TreeSet<>();
  final Map<ServiceRef, List<VipAddress>> services = new LinkedHashMap<>();
  InterfaceName iface;
  /** Why {@link #iface} is a fallback ({@code auto} found no subnet), for the announcement Event; else empty. */
  Optional<String> ifaceNote = Optional.empty();
  /** Nodes allowed by externalTrafficPolicy Local; null when unrestricted. */
  Set<NodeId> restriction;

  private VipUnit(VipAddress anchor) {
    this.anchor = anchor;
  }

  /**
   * Groups the usable Services of {@code claims} by anchor, in address order. DHCP markers are skipped (their address
   * is not known here), and so are {@code controlPlaneVips}: the control-plane owner announces them. The interface of a
   * unit is its first Service's, chosen by {@code interfaces}.
   */
  static Map<VipAddress, VipUnit> group(ClusterState state, Map<ServiceRef, AddressClaim> claims,
      Collection<VipAddress> controlPlaneVips, ServiceInterfaces interfaces) {
    interfaces.beginPass();
    Map<VipAddress, VipUnit> units = new TreeMap<>();
    claims.forEach((ref, claim) -> {
      if (!(claim instanceof AddressClaim.Usable u)) {
        return;
      }
      List<VipAddress> vips = new ArrayList<>(u.vips().stream()
          .filter(v -> !v.isDhcpMarker() && !controlPlaneVips.contains(v)).sorted().toList());
      if (vips.isEmpty()) {
        return;
      }
      ServiceIntent s = state.services().get(ref.key());
      VipUnit unit = units.computeIfAbsent(vips.get(0), VipUnit::new);
      unit.vips.addAll(vips);
      unit.services.put(ref, u.vips());
      if (unit.iface == null) {
        ServiceInterfaces.Choice choice = interfaces.choose(s, state.pools(), unit.anchor);
        unit.iface = choice.iface();
        unit.ifaceNote = choice.note();
      }
      if (s.trafficPolicy() == ExternalTrafficPolicy.LOCAL) {
        Set<NodeId> endpoints = state.endpointNodes(ref);
        if (!(endpoints.isEmpty() && s.allowWithoutEndpoints())) {
          unit.restrict(endpoints);
        }
      }
    });
    return units;
  }

  private void restrict(Set<NodeId> subset) {
    if (restriction == null) {
      restriction = new HashSet<>(subset);
    } else {
      restriction.retainAll(subset);
    }
  }
}
