// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.ArrayList;
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
  /** Nodes allowed by externalTrafficPolicy Local; null when unrestricted. */
  Set<NodeId> restriction;

  private VipUnit(VipAddress anchor) {
    this.anchor = anchor;
  }

  /**
   * Groups the usable Services of {@code claims} by anchor, in address order. DHCP markers are skipped (their address
   * is not known here), and so is {@code controlPlaneVip}: the control-plane owner announces it.
   */
  static Map<VipAddress, VipUnit> group(ClusterState state, Map<ServiceRef, AddressClaim> claims,
      Optional<VipAddress> controlPlaneVip, InterfaceName defaultIface) {
    Map<VipAddress, VipUnit> units = new TreeMap<>();
    claims.forEach((ref, claim) -> {
      if (!(claim instanceof AddressClaim.Usable u)) {
        return;
      }
      List<VipAddress> vips = new ArrayList<>(u.vips().stream()
          .filter(v -> !v.isDhcpMarker() && controlPlaneVip.filter(v::equals).isEmpty()).sorted().toList());
      if (vips.isEmpty()) {
        return;
      }
      ServiceIntent s = state.services().get(ref.key());
      VipUnit unit = units.computeIfAbsent(vips.get(0), VipUnit::new);
      unit.vips.addAll(vips);
      unit.services.put(ref, u.vips());
      if (unit.iface == null) {
        unit.iface = interfaceOf(s, state.pools(), defaultIface);
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

  // kube-vip: kube-vip.io/serviceInterface, else (cloud-provider) interface-<ns>, else vip_servicesinterface/vip_interface.
  // "auto" (the interface whose subnet holds the VIP) needs the node's addresses; until then it means the default.
  private static InterfaceName interfaceOf(ServiceIntent s, PoolConfig pools, InterfaceName defaultIface) {
    Optional<String> named = s.serviceInterface().filter(n -> !n.isBlank() && !n.equals("auto"))
        .or(() -> pools.interfaceName(s.service().namespace()));
    try {
      return named.map(InterfaceName::of).orElse(defaultIface);
    } catch (IllegalArgumentException e) {
      return defaultIface;
    }
  }

  private void restrict(Set<NodeId> subset) {
    if (restriction == null) {
      restriction = new HashSet<>(subset);
    } else {
      restriction.retainAll(subset);
    }
  }
}
