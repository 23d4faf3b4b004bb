// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.List;
import java.util.Objects;

/**
 * Bring the control-plane VIPs on this node to the given state.
 *
 * @param vips the control-plane VIPs ({@code address}/{@code vip_address}, one per family)
 * @param iface {@code vip_interface}
 * @param serve true while this node holds the control-plane lease (or always, without leader election)
 */
public record ReconcileControlPlaneVipCommand(List<VipAddress> vips, InterfaceName iface, boolean serve) {
  public ReconcileControlPlaneVipCommand {
    vips = List.copyOf(vips);
    Objects.requireNonNull(iface, "iface");
  }
}
