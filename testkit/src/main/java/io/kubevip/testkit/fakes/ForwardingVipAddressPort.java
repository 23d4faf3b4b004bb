// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Passes every call to a delegate; a test overrides the calls it counts, slows or refuses. */
public class ForwardingVipAddressPort implements VipAddressPort {
  private final VipAddressPort delegate;

  public ForwardingVipAddressPort(VipAddressPort delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void add(VipAddress vip, InterfaceName iface) {
    delegate.add(vip, iface);
  }

  @Override
  public void remove(VipAddress vip, InterfaceName iface) {
    delegate.remove(vip, iface);
  }

  @Override
  public Map<VipBinding, PortException> removeAll(Collection<VipBinding> bindings) {
    return delegate.removeAll(bindings);
  }

  @Override
  public Set<VipAddress> listOurs(InterfaceName iface) {
    return delegate.listOurs(iface);
  }

  @Override
  public Map<InterfaceName, Set<VipAddress>> listAllOurs() {
    return delegate.listAllOurs();
  }
}
