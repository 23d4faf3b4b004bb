// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.Optional;

/**
 * Brings a tunnel interface (WireGuard) up carrying a VIP, for the lease holder in tunnel mode. Keys and peers are
 * adapter configuration, not part of the call.
 *
 * <p>Caller: the leadership reaction of a use-case service. Threading: one caller at a time. Idempotency:
 * {@code up} with the active VIP and {@code down} of a down tunnel change nothing; {@code up} with another VIP
 * replaces it.
 */
public interface TunnelPort {
  /** Creates or configures {@code tunnel}, assigns {@code vip} and sets it up. */
  void up(InterfaceName tunnel, VipAddress vip);

  /** Sets {@code tunnel} down and removes its VIP. */
  void down(InterfaceName tunnel);

  /** The VIP {@code tunnel} carries while up; empty when down or absent. */
  Optional<VipAddress> activeVip(InterfaceName tunnel);
}
