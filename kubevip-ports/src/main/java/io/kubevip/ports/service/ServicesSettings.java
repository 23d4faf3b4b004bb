// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How this node serves Services.
 *
 * @param self this node (the Kubernetes node name, also its lease identity)
 * @param vipInterface {@code vip_interface}
 * @param servicesInterface {@code vip_servicesinterface}, empty to use {@code vip_interface}; the name {@code auto}
 *     means the interface whose subnet holds each VIP, else {@code vip_interface}
 * @param serviceElection {@code svc_election}: true places each VIP on one eligible node (bounded load, sticky);
 *     false lets the {@code svc_leasename} holder announce every Cluster-policy VIP
 * @param controlPlaneVip the control-plane VIP, when this node also runs the control-plane use case: a Service asking
 * @param controlPlaneVip the control-plane VIP, when this node also runs the control-plane use case: a Service asking
 *     for it is left to the control-plane owner, and the address is never cleaned up from here
 * @param controlPlaneVips every control-plane VIP (a dual-stack control plane has two), treated as {@code
 *     controlPlaneVip}; always includes it
 * @param announcement one owner per VIP, or every eligible node (routed modes, ECMP); with
 *     {@link ServiceAnnouncement#EVERY_ELIGIBLE_NODE} {@code serviceElection} has no effect
 */
public record ServicesSettings(
    NodeId self,
    InterfaceName vipInterface,
    Optional<InterfaceName> servicesInterface,
    boolean serviceElection,
    Optional<VipAddress> controlPlaneVip,
    List<VipAddress> controlPlaneVips,
    ServiceAnnouncement announcement) {
  public ServicesSettings {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(vipInterface, "vipInterface");
    servicesInterface = servicesInterface == null ? Optional.empty() : servicesInterface;
    controlPlaneVip = controlPlaneVip == null ? Optional.empty() : controlPlaneVip;
    List<VipAddress> all = new ArrayList<>(controlPlaneVips == null ? List.of() : controlPlaneVips);
    controlPlaneVip.filter(v -> !all.contains(v)).ifPresent(v -> all.add(0, v));
    controlPlaneVips = List.copyOf(all);
    Objects.requireNonNull(announcement, "announcement");
  }

  /** With at most one control-plane VIP, one owner per VIP ({@link ServiceAnnouncement#SINGLE_OWNER}), as in ARP mode. */
  public ServicesSettings(NodeId self, InterfaceName vipInterface, Optional<InterfaceName> servicesInterface,
      boolean serviceElection, Optional<VipAddress> controlPlaneVip) {
    this(self, vipInterface, servicesInterface, serviceElection, controlPlaneVip, List.of(),
        ServiceAnnouncement.SINGLE_OWNER);
  }

  /** With at most one control-plane VIP. */
  public ServicesSettings(NodeId self, InterfaceName vipInterface, Optional<InterfaceName> servicesInterface,
      boolean serviceElection, Optional<VipAddress> controlPlaneVip, ServiceAnnouncement announcement) {
    this(self, vipInterface, servicesInterface, serviceElection, controlPlaneVip, List.of(), announcement);
  }

  /** One owner per VIP. */
  public ServicesSettings(NodeId self, InterfaceName vipInterface, Optional<InterfaceName> servicesInterface,
      boolean serviceElection, Optional<VipAddress> controlPlaneVip, List<VipAddress> controlPlaneVips) {
    this(self, vipInterface, servicesInterface, serviceElection, controlPlaneVip, controlPlaneVips,
        ServiceAnnouncement.SINGLE_OWNER);
  }

  /** Whether every eligible node announces (no single owner). */
  public boolean everyEligibleNode() {
    return announcement == ServiceAnnouncement.EVERY_ELIGIBLE_NODE;
  }

  /**
   * The interface for Services that name none: {@code vip_servicesinterface}, else {@code vip_interface}; with
   * {@code auto}, {@code vip_interface} (the fallback when no subnet holds a VIP).
   */
  public InterfaceName defaultServiceInterface() {
    return servicesInterface.filter(i -> !i.name().equals("auto")).orElse(vipInterface);
  }
}
