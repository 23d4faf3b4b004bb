// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.node.InterfaceName;

/**
 * Link state of the VIP interface, for {@code vip_loseleadership}. Implemented over the ARP adapter's link watch;
 * {@link #NONE} where no watcher is wired (leadership is then never given up for a link).
 */
public interface InterfaceMonitor {
  /** Reports nothing. */
  InterfaceMonitor NONE = (iface, listener) -> () -> {};

  /** Link events of {@code iface}, on the monitor's thread, until the returned handle is closed. */
  AutoCloseable watch(InterfaceName iface, Listener listener);

  /** What the node hears about its interface. */
  interface Listener {
    /** Administratively down, carrier lost, or gone. */
    void linkDown(InterfaceName iface);

    /** Up with carrier again. */
    void linkUp(InterfaceName iface);
  }
}
