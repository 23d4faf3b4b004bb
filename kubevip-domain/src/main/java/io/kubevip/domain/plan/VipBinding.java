// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.Objects;

/** A VIP on a particular interface: the unit an address is added to and announced from. */
public record VipBinding(VipAddress vip, InterfaceName iface) implements Comparable<VipBinding> {
  public VipBinding {
    Objects.requireNonNull(vip, "vip");
    Objects.requireNonNull(iface, "iface");
  }

  public static VipBinding of(VipAddress vip, InterfaceName iface) {
    return new VipBinding(vip, iface);
  }

  @Override
  public int compareTo(VipBinding o) {
    int c = vip.compareTo(o.vip);
    return c != 0 ? c : iface.compareTo(o.iface);
  }

  @Override
  public String toString() {
    return vip + "@" + iface;
  }
}
