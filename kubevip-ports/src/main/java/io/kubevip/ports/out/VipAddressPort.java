// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Puts VIPs on and takes them off a local interface. Only touches addresses it marks as ours (adapters tag them,
 * e.g. with an address label or {@code IFA_F_NOPREFIXROUTE}), never addresses an administrator configured.
 *
 * <p>Caller: use-case services executing an announcement plan. Threading: called from one reconcile thread at a
 * time; implementations need not be re-entrant but must be safe to call from different threads in turn.
 * Idempotency: adding a present VIP and removing an absent one succeed without change.
 */
public interface VipAddressPort {
  /**
   * Equivalent to: {@code ip addr add $vip dev $iface}.
   *
   * @throws PortException when the interface is missing or the kernel refuses
   */
  void add(VipAddress vip, InterfaceName iface);

  /** Equivalent to: {@code ip addr del $vip dev $iface}. */
  void remove(VipAddress vip, InterfaceName iface);

  /**
   * {@link #remove} for each binding, in order; an adapter reads the interface state once for the whole batch (a
   * node giving up thousands of Service VIPs on SIGTERM must not read every address once per VIP).
   *
   * @return the bindings that could not be removed, with why; empty when all went
   */
  default Map<VipBinding, PortException> removeAll(Collection<VipBinding> bindings) {
    Map<VipBinding, PortException> failed = new LinkedHashMap<>();
    for (VipBinding b : bindings) {
      try {
        remove(b.vip(), b.iface());
      } catch (PortException e) {
        failed.put(b, e);
      }
    }
    return failed;
  }

  /** The VIPs we put on {@code iface} that are still there; empty when the interface does not exist. */
  Set<VipAddress> listOurs(InterfaceName iface);

  /**
   * Every VIP we put on any interface, by interface (interfaces without one are absent): one read for a pass that
   * must also find addresses a crashed run left on an interface nothing names any more (a deleted Service's
   * {@code auto} interface).
   */
  Map<InterfaceName, Set<VipAddress>> listAllOurs();
}
