// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.model.Addr;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.HashMap;
import java.util.HashSet;
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
    if (closed) {
      return;
    }
    watch.onWatcher(() -> {
      if (closed || !guarded.add(binding)) {
        return null;
      }
      String iface = binding.iface().name();
      if (!linkUp.containsKey(iface)) {
        boolean up = watch.linkUp(iface);
        linkUp.put(iface, up);
        if (!up) {
          fire(() -> listener.linkDown(binding.iface()));
        }
      }
      checkAddress(binding);
      return null;
    });
  }

  @Override
  public void unguard(VipBinding binding) {
    watch.onWatcher(() -> {
      if (guarded.remove(binding)) {
        present.remove(binding);
        dadFailed.remove(binding);
        if (guarded.stream().noneMatch(b -> b.iface().equals(binding.iface()))) {
          linkUp.remove(binding.iface().name());
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
    for (VipBinding b : guarded) {
      if (!b.iface().name().equals(iface) || !LinuxLinkWatch.matches(b, addr)) {
        continue;
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
    for (String iface : Set.copyOf(linkUp.keySet())) {
      onLink(iface, watch.linkUp(iface));
    }
    for (VipBinding b : Set.copyOf(guarded)) {
      checkAddress(b);
    }
  }

  private void checkAddress(VipBinding b) {
    Optional<Addr> now = watch.current(b);
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
