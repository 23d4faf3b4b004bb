// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.controlplane.DuplicateProbe;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.VipAddressPort;
import java.util.Objects;

/**
 * The node-local network ports ARP mode drives, as one bean so a test can replace the whole data plane with fakes
 * (a {@code @Primary} bean of this type) and no real address is ever added.
 *
 * @param addresses VIPs on the interface
 * @param announcer gratuitous ARP / unsolicited NA
 * @param monitor link state of the VIP interface
 * @param duplicates duplicate-address probes
 */
public record ArpDataPlane(VipAddressPort addresses, L2AnnouncePort announcer, InterfaceMonitor monitor,
    DuplicateProbe duplicates) {
  public ArpDataPlane {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(announcer, "announcer");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(duplicates, "duplicates");
  }
}
