// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.Link;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's guarded bindings and what it was last told, so it hears transitions only. Everything except
 * {@link #guarded()} and {@link #close()} runs on the watcher thread.
 */
final class WatchSubscription implements LinkWatchPort.Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(WatchSubscription.class);

  private final LinuxLinkWatch watch;
  private final LinkWatchPort.Listener listener;
  private final Set<VipBinding> guarded = ConcurrentHashMap.newKeySet();
  /** The guarded bindings by address, so an event costs one lookup however many are guarded. */
  private final Map<AddressKey, VipBinding> byAddress = new HashMap<>();
  /** How many guarded bindings name each interface: its link state is followed while any does. */
  private final Map<String, Integer> perInterface = new HashMap<>();
  private final Map<VipBinding, Boolean> present = new HashMap<>();
  private final Set<VipBinding> dadFailed = new HashSet<>();
  private final Map<String, Boolean> linkUp = new HashMap<>();
  private volatile boolean closed;

  WatchSubscription(LinuxLinkWatch watch, LinkWatchPort.Listener listener) {
    this.watch = watch;
    this.listener = listener;
  }

  @Override
  public void guard(VipBinding binding) {
    guardAll(List.of(binding));
  }

  /** One link dump and one address dump for the whole batch, however many bindings it holds. */
  @Override
  public void guardAll(Collection<VipBinding> bindings) {
    if (closed || bindings.isEmpty()) {
      return;
    }
    List<VipBinding> batch = List.copyOf(bindings);
    watch.onWatcher(() -> {
      List<VipBinding> added = new ArrayList<>();
      for (VipBinding b : batch) {
        if (!closed && guarded.add(b)) {
          byAddress.put(AddressKey.of(b), b);
          perInterface.merge(b.iface().name(), 1, Integer::sum);
          added.add(b);
        }
      }
      if (added.isEmpty()) {
        return null;
      }
      KernelAddresses now = watch.snapshot();
      for (VipBinding b : added) {
        String iface = b.iface().name();
        if (!linkUp.containsKey(iface)) {
          boolean up = linkUp(now, iface);
          linkUp.put(iface, up);
          if (!up) {
            fire(() -> listener.linkDown(b.iface()));
          }
        }
        report(b, Optional.ofNullable(now.addresses().get(AddressKey.of(b))));
      }
      return null;
    });
  }

  @Override
  public void unguard(VipBinding binding) {
    watch.onWatcher(() -> {
      if (guarded.remove(binding)) {
        byAddress.remove(AddressKey.of(binding));
        present.remove(binding);
        dadFailed.remove(binding);
        String iface = binding.iface().name();
        if (perInterface.merge(iface, -1, Integer::sum) <= 0) {
          perInterface.remove(iface);
          linkUp.remove(iface);
        }
      }
      return null;
    });
  }

  @Override
  public Set<VipBinding> guarded() {
    return Set.copyOf(guarded);
  }

  @Override
  public void close() {
    closed = true;
    guarded.clear();
    watch.forget(this);
  }

  void onAddress(boolean removed, Addr addr, String iface) {
    VipBinding b = byAddress.get(AddressKey.of(iface, addr));
    if (b == null) {
      return;
    }
    if (removed) {
      if (Boolean.TRUE.equals(present.get(b))) {
        checkAddress(b); // confirm: an address added again meanwhile must not be reported
      }
    } else {
      present.put(b, true);
      dadFlags(b, addr);
    }
  }

  void onLink(String iface, boolean up) {
    Boolean before = linkUp.get(iface);
    if (before == null || before == up) {
      return;
    }
    linkUp.put(iface, up);
    InterfaceName name = InterfaceName.of(iface);
    fire(up ? () -> listener.linkUp(name) : () -> listener.linkDown(name));
  }

  /** After lost events: read everything again and report what changed. */
  void resync() {
    KernelAddresses now = watch.snapshot();
    for (String iface : Set.copyOf(linkUp.keySet())) {
      onLink(iface, linkUp(now, iface));
    }
    for (VipBinding b : Set.copyOf(guarded)) {
      report(b, Optional.ofNullable(now.addresses().get(AddressKey.of(b))));
    }
  }

  private static boolean linkUp(KernelAddresses now, String iface) {
    Link l = now.links().get(iface);
    return l != null && LinuxLinkWatch.isUp(l);
  }

  private void checkAddress(VipBinding b) {
    report(b, watch.current(b));
  }

  /** Reports what changed for {@code b} now that its address is {@code now} (empty: not on the interface). */
  private void report(VipBinding b, Optional<Addr> now) {
    Boolean before = present.put(b, now.isPresent());
    if (now.isEmpty()) {
      dadFailed.remove(b);
      if (!Boolean.FALSE.equals(before)) {
        fire(() -> listener.vipRemoved(b));
      }
    } else {
      dadFlags(b, now.get());
    }
  }

  private void dadFlags(VipBinding b, Addr addr) {
    if (addr.isDadFailed()) {
      if (dadFailed.add(b)) {
        fire(() -> listener.vipDadFailed(b));
      }
    } else {
      dadFailed.remove(b);
    }
  }

  private void fire(Runnable callback) {
    if (closed) {
      return;
    }
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("link watch listener failed", e);
    }
  }
}
