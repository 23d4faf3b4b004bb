// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.plan;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Joins placement to planning: the bindings one node should serve, given where each VIP goes on the node. */
public final class DesiredBindings {
  private DesiredBindings() {}

  /** Bindings for the VIPs {@code placement} gives to {@code self}, each on the interface {@code ifaceOf} names. */
  public static Set<VipBinding> forNode(Placement placement, NodeId self, Function<VipAddress, InterfaceName> ifaceOf) {
    Set<VipBinding> out = new TreeSet<>();
    for (VipAddress vip : placement.vipsOf(self)) {
      out.add(new VipBinding(vip, ifaceOf.apply(vip)));
    }
    return out;
  }
}
