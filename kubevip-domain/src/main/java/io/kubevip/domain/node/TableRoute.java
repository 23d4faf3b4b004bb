// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

import io.kubevip.domain.address.VipAddress;
import java.util.Objects;

/**
 * A route to a VIP that kube-vip's routing-table mode writes so an external daemon (BIRD, FRR) exports it.
 * The (table, protocol) pair marks the route as ours, which is how cleanup finds stale routes without touching
 * anyone else's (kube-vip {@code vip_routingtableid} default 198, {@code vip_routingtableprotocol} default 248).
 *
 * <p>Equivalent to: {@code ip route add $destination dev $device table $table proto $protocol}.
 */
public record TableRoute(VipAddress destination, InterfaceName device, int table, int protocol)
    implements Comparable<TableRoute> {
  public static final int DEFAULT_TABLE = 198;
  public static final int DEFAULT_PROTOCOL = 248;

  public TableRoute {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(device, "device");
    // 0 is RT_TABLE_UNSPEC; 253..255 are default/main/local, which we must never treat as ours.
    if (table < 1 || (table >= 253 && table <= 255)) {
      throw new IllegalArgumentException("vip_routingtableid=" + table
          + ": expected 1..252 or above 255 (0 is unspecified, 253-255 are the kernel's default/main/local tables)");
    }
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("vip_routingtableprotocol=" + protocol + ": expected 0..255");
    }
  }

  @Override
  public int compareTo(TableRoute o) {
    int c = destination.compareTo(o.destination);
    if (c == 0) {
      c = device.compareTo(o.device);
    }
    if (c == 0) {
      c = Integer.compare(table, o.table);
    }
    return c != 0 ? c : Integer.compare(protocol, o.protocol);
  }
}
