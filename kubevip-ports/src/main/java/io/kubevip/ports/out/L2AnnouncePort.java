// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;

/**
 * Tells the local link that a VIP now lives here: a burst of gratuitous ARP (IPv4) or unsolicited Neighbour
 * Advertisements (IPv6) with this interface's MAC, so switches and hosts update their caches at once instead of
 * waiting for entries to expire.
 *
 * <p>Caller: use-case services after the address is on the interface, and periodically to refresh caches.
 * Threading: may be called from several threads; implementations serialise sends per interface. Idempotency:
 * every call sends a new burst; sending again is harmless (that is what a refresh is). There is no withdraw in
 * layer 2: removing the address stops the kernel answering ARP.
 */
public interface L2AnnouncePort {
  /**
   * Sends the burst for {@code vip} from {@code iface}; returns once queued to the kernel.
   *
   * @throws PortException when the interface is missing or has no hardware address
   */
  void announce(VipAddress vip, InterfaceName iface);
}
