// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

import java.net.InetAddress;

/**
 * A neighbour (ARP/NDP cache) entry as {@code ip neigh show} reports it.
 *
 * @param mac null when the entry is INCOMPLETE or FAILED
 * @param state NUD_* bits ({@code 0x02} REACHABLE, {@code 0x04} STALE, {@code 0x80} PERMANENT)
 */
public record Neigh(int linkIndex, InetAddress address, HardwareAddress mac, int state) {}
