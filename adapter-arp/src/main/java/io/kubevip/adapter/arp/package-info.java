// SPDX-License-Identifier: Apache-2.0
/**
 * Layer 2 for VIPs, over the shared Linux layer: {@link io.kubevip.adapter.arp.LinuxVipAddresses} (addresses, tagged
 * as ours), {@link io.kubevip.adapter.arp.LinuxL2Announcer} (gratuitous ARP and unsolicited NA),
 * {@link io.kubevip.adapter.arp.LinuxLinkWatch} (VIP removed, dadfailed, carrier, event driven) and
 * {@link io.kubevip.adapter.arp.LinuxDuplicateDetector} (ARP probe / NS for other owners). Each opens its sockets at
 * construction or first use in the caller's network namespace, or in a given one ({@code openIn}) for lab and tests;
 * everything else in the package is package-private.
 */
package io.kubevip.adapter.arp;
