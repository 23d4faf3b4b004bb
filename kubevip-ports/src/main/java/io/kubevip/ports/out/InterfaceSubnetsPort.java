// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import java.util.Optional;

/**
 * Which local interface a VIP belongs on when the user asked for {@code auto} ({@code kube-vip.io/serviceInterface:
 * auto} or {@code vip_servicesinterface=auto}): as kube-vip decides it, the interface that has an address whose
 * prefix contains the VIP. Answering this needs the node's addresses, which only an adapter can read.
 *
 * <p>Caller: the Services use case, through one {@link #snapshot()} per pass. Threading: thread-safe. Idempotency: a read; the answer
 * changes only when the node's addresses change. Addresses we added ourselves (our VIPs, tagged) never count, so the
 * answer does not depend on what this node announces.
 */
public interface InterfaceSubnetsPort {
  /** Answers "no interface" for everything; for data planes without interface subnets (and tests). */
  InterfaceSubnetsPort NONE = vip -> Optional.empty();

  /**
   * The interface with an address whose prefix contains {@code vip}; when several do, the one with the longest
   * prefix, then the lowest interface index. Empty when none does (the caller falls back to its default).
   *
   * @throws PortException when the addresses cannot be read
   */
  Optional<InterfaceName> interfaceFor(VipAddress vip);

  /**
   * The node's subnets as they are now, read once, answering {@link #interfaceFor} from memory: for a pass that asks
   * about many VIPs (an adapter reading the kernel per question would read it once per VIP). This port itself when
   * answering costs nothing.
   *
   * @throws PortException when the addresses cannot be read
   */
  default InterfaceSubnetsPort snapshot() {
    return this;
  }
}
