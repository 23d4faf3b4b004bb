// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import java.util.Collection;
import java.util.Set;

/**
 * Tells the node at once when the kernel takes away what we hold: a VIP deleted by someone else ({@code ip addr
 * del}, a network manager), an IPv6 VIP whose duplicate address detection failed, or the link of a VIP's interface
 * losing carrier. Event driven, so a deleted VIP is noticed within milliseconds instead of at the next reconcile
 * (kube-vip polls every {@code vip_arpRate}, 3 s). The port only reports; repairing (adding the VIP again) is the
 * caller's job, see {@code io.kubevip.ports.service.VipGuard}.
 *
 * <p>Caller: use-case services holding VIPs. Threading: {@link #watch} and the {@link Subscription} methods may be
 * called from any thread. Listener callbacks run one at a time on the port's watcher thread, in the order the
 * kernel reported the changes; they must return quickly and may call other ports (e.g. {@link VipAddressPort}).
 * Idempotency: guarding a guarded binding or unguarding an unguarded one changes nothing.
 */
public interface LinkWatchPort {
  /**
   * Starts reporting changes of the bindings later passed to {@link Subscription#guard}. No callback runs before
   * the first guard.
   *
   * @throws PortException when the watcher cannot be started
   */
  Subscription watch(Listener listener);

  /** What one subscriber hears about. Every method defaults to ignoring the event. */
  interface Listener {
    /** A guarded VIP is no longer on its interface (also reported at guard time if it is missing then). */
    default void vipRemoved(VipBinding binding) {}

    /** A guarded IPv6 VIP is in state {@code dadfailed}: another host answered DAD, the kernel will not use it. */
    default void vipDadFailed(VipBinding binding) {}

    /**
     * The interface of a guarded binding went administratively down, lost carrier or disappeared (also reported
     * at guard time if it is down then).
     */
    default void linkDown(InterfaceName iface) {}

    /** The interface came back: administratively up with carrier. Only reported after a {@link #linkDown}. */
    default void linkUp(InterfaceName iface) {}
  }

  /**
   * The bindings one listener guards. Interfaces are watched while at least one guarded binding names them.
   * After {@link #close()} returns no new callback starts (one already running may finish).
   */
  interface Subscription extends AutoCloseable {
    /** Starts guarding {@code binding}; guard right after adding the address. */
    void guard(VipBinding binding);

    /** Stops guarding {@code binding}; unguard before removing the address on purpose. */
    void unguard(VipBinding binding);

    /**
     * Guards every binding as {@link #guard} does; an adapter reads the kernel's state once for all of them (a node
     * announcing thousands of Service VIPs guards them in one go).
     */
    default void guardAll(Collection<VipBinding> bindings) {
      bindings.forEach(this::guard);
    }

    /** The bindings guarded now. */
    Set<VipBinding> guarded();

    @Override
    void close();
  }
}
