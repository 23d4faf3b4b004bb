// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.Set;

/**
 * Asks the link whether other hosts answer for a VIP (ARP probe / Neighbor Solicitation). Implemented over the ARP
 * adapter's duplicate detector; {@link #NONE} where none is wired.
 */
public interface DuplicateProbe {
  /** Finds nobody. */
  DuplicateProbe NONE = (vip, iface) -> Set.of();

  /** Link-layer addresses of other hosts answering for {@code vip} on {@code iface}; blocks for the probe window. */
  Set<String> foreignMacs(VipAddress vip, InterfaceName iface);
}
