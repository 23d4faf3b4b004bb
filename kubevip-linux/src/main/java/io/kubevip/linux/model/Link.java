// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.model;

/**
 * A network interface as {@code ip -d link show} reports it.
 *
 * @param flags IFF_* bits ({@code IFF_UP = 0x1}, {@code IFF_LOWER_UP = 0x10000})
 * @param hardwareType ARPHRD_* ({@code 1} Ethernet, {@code 772} loopback)
 * @param kind IFLA_INFO_KIND ("veth", "macvlan", "bridge"), or empty for physical devices
 * @param parentIndex IFLA_LINK (the lower device of a macvlan/VLAN/veth peer), 0 when none
 */
public record Link(
    int index,
    String name,
    HardwareAddress address,
    int mtu,
    int flags,
    OperState operState,
    boolean carrier,
    int hardwareType,
    String kind,
    int parentIndex) {
  public static final int IFF_UP = 0x1;
  public static final int IFF_LOWER_UP = 0x10000;
  public static final int ARPHRD_ETHER = 1;

  public boolean isUp() {
    return (flags & IFF_UP) != 0;
  }
}
