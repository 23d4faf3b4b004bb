// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A link watcher driven by the test: {@link #deleteExternally}, {@link #failDad}, {@link #takeDown} and
 * {@link #bringUp} report to every subscription guarding the binding or interface, synchronously on the calling
 * thread (the real adapter uses its watcher thread). Over a {@link FakeVipAddressPort}, a deletion also removes the
 * address there and guarding a missing VIP reports it at once, as the real adapter does.
 */
public final class FakeLinkWatchPort implements LinkWatchPort {
  private final FakeVipAddressPort addresses;
  private final Set<InterfaceName> down = new HashSet<>();
  private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();

  /** Every guarded VIP is taken to be present. */
  public FakeLinkWatchPort() {
    this(null);
  }

  /** VIP presence comes from {@code addresses} (may be null). */
  public FakeLinkWatchPort(FakeVipAddressPort addresses) {
    this.addresses = addresses;
  }

  @Override
  public Subscription watch(Listener listener) {
    Sub s = new Sub(listener);
    subscriptions.add(s);
    return s;
  }

  /** Someone else deletes {@code binding}'s address. */
  public void deleteExternally(VipBinding binding) {
    if (addresses != null) {
      addresses.deleteExternally(binding.vip(), binding.iface());
    }
    deliver(s -> s.guards(binding), l -> l.vipRemoved(binding));
  }

  /** The kernel marks {@code binding}'s address dadfailed. */
  public void failDad(VipBinding binding) {
    deliver(s -> s.guards(binding), l -> l.vipDadFailed(binding));
  }

  /** The link loses carrier; reported once per transition. */
  public void takeDown(InterfaceName iface) {
    synchronized (this) {
      if (!down.add(iface)) {
        return;
      }
    }
    deliver(s -> s.watches(iface), l -> l.linkDown(iface));
  }

  /** The link is back. */
  public void bringUp(InterfaceName iface) {
    synchronized (this) {
      if (!down.remove(iface)) {
        return;
      }
    }
    deliver(s -> s.watches(iface), l -> l.linkUp(iface));
  }

  /** The bindings guarded by any open subscription. */
  public Set<VipBinding> guardedBindings() {
    Set<VipBinding> out = new HashSet<>();
    subscriptions.forEach(s -> out.addAll(s.guarded()));
    return Set.copyOf(out);
  }

  /** Subscriptions not yet closed. */
  public int openSubscriptions() {
    return (int) subscriptions.stream().filter(s -> !s.closed).count();
  }

  private void deliver(java.util.function.Predicate<Sub> who, Consumer<Listener> event) {
    for (Sub s : subscriptions) {
      if (who.test(s)) {
        event.accept(s.listener);
      }
    }
  }

  private synchronized boolean isDown(InterfaceName iface) {
    return down.contains(iface);
  }

  private final class Sub implements Subscription {
    private final Listener listener;
    private final Set<VipBinding> guarded = new HashSet<>();
    private volatile boolean closed;

    Sub(Listener listener) {
      this.listener = listener;
    }

    synchronized boolean guards(VipBinding b) {
      return !closed && guarded.contains(b);
    }

    synchronized boolean watches(InterfaceName iface) {
      return !closed && guarded.stream().anyMatch(b -> b.iface().equals(iface));
    }

    @Override
    public void guard(VipBinding binding) {
      boolean newInterface;
      synchronized (this) {
        if (closed || guarded.contains(binding)) {
          return;
        }
        newInterface = !watches(binding.iface());
        guarded.add(binding);
      }
      if (addresses != null && !addresses.addresses(binding.iface()).contains(binding.vip())) {
        listener.vipRemoved(binding);
      }
      if (newInterface && isDown(binding.iface())) {
        listener.linkDown(binding.iface());
      }
    }

    @Override
    public synchronized void unguard(VipBinding binding) {
      guarded.remove(binding);
    }

    @Override
    public synchronized Set<VipBinding> guarded() {
      return Set.copyOf(new ArrayList<>(guarded));
    }

    @Override
    public synchronized void close() {
      closed = true;
      guarded.clear();
    }
  }
}
