// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the control-plane node needs to hear about its interface: link state (for {@code vip_loseleadership}) and a
 * VIP removed behind our back (re-added at once instead of at the next {@code vip_arpRate} tick). {@link #NONE}
 * where no watcher is wired. The Services side follows a changing set of VIPs through {@link #subscribe}.
 */
public interface InterfaceMonitor {
  /** Reports nothing. */
  InterfaceMonitor NONE = (iface, vips, listener) -> () -> {};

  /** Events for {@code iface} and {@code vips} on it, on the monitor's thread, until the handle is closed. */
  AutoCloseable watch(InterfaceName iface, Set<VipAddress> vips, Listener listener);

  /**
   * One subscription whose guarded bindings the caller changes as it goes (thousands of Service VIPs: one
   * subscription, not one per VIP). This default opens a {@link #watch} per guarded binding; a monitor over a
   * {@link LinkWatchPort} hands out the port's own subscription.
   */
  default LinkWatchPort.Subscription subscribe(LinkWatchPort.Listener listener) {
    Objects.requireNonNull(listener, "listener");
    InterfaceMonitor monitor = this;
    return new LinkWatchPort.Subscription() {
      private final Map<VipBinding, AutoCloseable> watches = new HashMap<>();

      @Override
      public synchronized void guard(VipBinding binding) {
        if (!watches.containsKey(binding)) {
          watches.put(binding, monitor.watch(binding.iface(), Set.of(binding.vip()), new Listener() {
            @Override
            public void vipRemoved(VipAddress vip) {
              if (vip.equals(binding.vip())) {
                listener.vipRemoved(binding);
              }
            }

            @Override
            public void linkDown(InterfaceName iface) {
              listener.linkDown(iface);
            }

            @Override
            public void linkUp(InterfaceName iface) {
              listener.linkUp(iface);
            }
          }));
        }
      }

      @Override
      public synchronized void unguard(VipBinding binding) {
        closeQuietly(watches.remove(binding));
      }

      @Override
      public synchronized Set<VipBinding> guarded() {
        return Set.copyOf(watches.keySet());
      }

      @Override
      public synchronized void close() {
        watches.values().forEach(InterfaceMonitor::closeQuietly);
        watches.clear();
      }
    };
  }

  /** What the node hears about its interface. */
  interface Listener {
    /** Administratively down, carrier lost, or gone. */
    void linkDown(InterfaceName iface);

    /** Up with carrier again. */
    void linkUp(InterfaceName iface);

    /** {@code vip} is not (or no longer) on the interface; also reported for VIPs this node does not hold. */
    default void vipRemoved(VipAddress vip) {}
  }

  /**
   * Over the link watch port: the VIP bindings are guarded for as long as the watch lasts, which is what makes the
   * port watch the interface at all, also while this node does not hold them.
   */
  static InterfaceMonitor over(LinkWatchPort port) {
    Objects.requireNonNull(port, "port");
    return new InterfaceMonitor() {
      @Override
      public AutoCloseable watch(InterfaceName iface, Set<VipAddress> vips, Listener listener) {
        LinkWatchPort.Subscription s = port.watch(new LinkWatchPort.Listener() {
          @Override
          public void vipRemoved(VipBinding binding) {
            listener.vipRemoved(binding.vip());
          }

          @Override
          public void linkDown(InterfaceName i) {
            listener.linkDown(i);
          }

          @Override
          public void linkUp(InterfaceName i) {
            listener.linkUp(i);
          }
        });
        vips.forEach(v -> s.guard(new VipBinding(v, iface)));
        return s;
      }

      @Override
      public LinkWatchPort.Subscription subscribe(LinkWatchPort.Listener listener) {
        return port.watch(listener);
      }
    };
  }

  private static void closeQuietly(AutoCloseable watch) {
    if (watch == null) {
      return;
    }
    try {
      watch.close();
    } catch (Exception e) {
      // closing a watch only stops events; nothing to repair
    }
  }
}
