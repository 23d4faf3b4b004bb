// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.placement.PlacementReason;
import io.kubevip.domain.plan.Action;
import java.time.Duration;

/**
 * Observations the use cases report, as a null object (JOSDK {@code Metrics}): every method defaults to doing
 * nothing, so services call it unconditionally and the Micrometer adapter overrides what it exports.
 *
 * <p>Caller: use-case services. Threading: implementations must be thread-safe and never block or throw.
 * Idempotency: not applicable; every call is one observation.
 */
public interface MetricsPort {
  /** Does nothing; the default when no metrics adapter is wired. */
  MetricsPort NOOP = new MetricsPort() {};

  /** One placement decision ({@code kubevip.placement.decisions{reason}}). */
  default void placementDecided(PlacementReason reason) {}

  /** An action of a plan ran ({@code kubevip.plan.actions{kind,outcome}}). */
  default void actionExecuted(Action action, boolean succeeded) {}

  /** Leadership of {@code lease} was gained or lost ({@code kubevip.election.leading{lease}}). */
  default void leadershipChanged(LeaseName lease, boolean leading) {}

  /** A reconcile pass finished ({@code kubevip.reconcile.duration{usecase,outcome}}). */
  default void reconcileCompleted(String useCase, Duration took, boolean succeeded) {}

  /** Service VIPs this node announces after a Services pass ({@code kube_vip_active_services}). */
  default void activeServices(int count) {}

  /**
   * {@code frames} gratuitous ARP or unsolicited NA frames left for {@code vip} on {@code iface}
   * ({@code kubevip.arp.gratuitous.sent{vip,iface}}, MetalLB's {@code metallb_layer2_gratuitous_sent}).
   */
  default void l2FramesSent(VipAddress vip, InterfaceName iface, int frames) {}
}
