// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.time.Duration;
import java.util.Set;

/**
 * Asks the local link whether another host already answers for a VIP, before taking it or when failover looks
 * wrong: an ARP probe (RFC 5227, sender IP 0.0.0.0, so no neighbour caches change) for IPv4, a Neighbor
 * Solicitation for IPv6. Two hosts answering for one VIP split its traffic, which is hard to see from either side.
 *
 * <p>Passively, {@link #monitor} reports other hosts claiming a VIP we hold (their gratuitous ARP, ARP replies or
 * Neighbor Advertisements), which is how a split brain shows on the wire.
 *
 * <p>Caller: use-case services and diagnostics. Threading: may be called from several threads; each probe blocks
 * its caller for {@code window}; monitor callbacks run on the monitor's own thread. Idempotency: probing and
 * monitoring send nothing that changes any host's state.
 */
public interface DuplicateAddressPort {
  /** How long a probe listens for answers unless told otherwise; hosts on one LAN answer in well under 10 ms. */
  Duration DEFAULT_WINDOW = Duration.ofMillis(200);

  /**
   * Probes for {@code vip} on {@code iface} and collects answers for {@code window}.
   *
   * @return the link-layer addresses of other hosts answering for the VIP, as lower-case {@code aa:bb:cc:dd:ee:ff};
   *     never this interface's own; empty when nobody else holds it
   * @throws PortException when the interface is missing or the probe cannot be sent
   */
  Set<String> probe(VipAddress vip, InterfaceName iface, Duration window);

  /**
   * Listens on {@code iface} for other hosts claiming any of {@code vips} until the monitor is closed. Frames
   * from this interface's own MAC are ignored.
   *
   * @throws PortException when the interface is missing or cannot be listened on
   */
  Monitor monitor(InterfaceName iface, Set<VipAddress> vips, ConflictListener listener);

  /** Hears about other claimants of a monitored VIP, once per frame seen. */
  @FunctionalInterface
  interface ConflictListener {
    /** The host with link-layer address {@code mac} (lower-case aa:bb:cc:dd:ee:ff) claims {@code vip}. */
    void conflict(VipAddress vip, InterfaceName iface, String mac);
  }

  /** A running monitor; closing it stops the callbacks (one already running may finish). */
  interface Monitor extends AutoCloseable {
    @Override
    void close();
  }

  /** {@link #probe(VipAddress, InterfaceName, Duration)} with {@link #DEFAULT_WINDOW}. */
  default Set<String> probe(VipAddress vip, InterfaceName iface) {
    return probe(vip, iface, DEFAULT_WINDOW);
  }
}
