// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.DuplicateAddressPort;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Asks the link whether other hosts answer for a VIP (ARP probe / Neighbor Solicitation). {@link #NONE} where no
 * detector is wired.
 */
public interface DuplicateProbe {
  /** Finds nobody. */
  DuplicateProbe NONE = (vip, iface, window) -> Set.of();

  /** Link-layer addresses of other hosts answering for {@code vip} on {@code iface}; blocks for {@code window}. */
  Set<String> foreignMacs(VipAddress vip, InterfaceName iface, Duration window);

  static DuplicateProbe over(DuplicateAddressPort port) {
    Objects.requireNonNull(port, "port");
    return port::probe;
  }
}
