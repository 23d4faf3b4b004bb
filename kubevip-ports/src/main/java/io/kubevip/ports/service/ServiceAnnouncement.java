// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

/**
 * Who announces a Service VIP. Layer 2 can only have one answer per address, so ARP mode always has one owner; a
 * routed mode can let every node advertise the same prefix and leave the spreading to the router (ECMP), which is
 * kube-vip's BGP behaviour without {@code svc_election}.
 */
public enum ServiceAnnouncement {
  /**
   * One node per VIP unit: the placed owner ({@code svc_election}) or the {@code svc_leasename} holder, with
   * break-before-make hand-over through {@code kube-vip.io/vipHost}.
   */
  SINGLE_OWNER,
  /**
   * Every eligible node announces (for externalTrafficPolicy Local: every eligible node with a ready local endpoint).
   * No owner, no hand-over wait, no {@code vipHost}; the {@code svc_leasename} holder alone writes the status fields.
   */
  EVERY_ELIGIBLE_NODE
}
