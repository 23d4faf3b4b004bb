// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the Service VIPs this node announces, so one deleted behind our back ({@code ip addr del}, a network
 * manager) is reported within milliseconds instead of at the next safety pass (kube-vip re-adds on its next
 * {@code vip_arpRate} tick). One interface-monitor watch per announced binding, opened after the address is on the
 * interface and closed when it stops being announced; the caller decides what a removal means (a repair pass).
 *
 * <p>Threading: {@link #follow} and {@link #close} from the services thread; watches are opened and closed on a thread
 * of their own (opening one reads the interface's addresses, which at thousands of VIPs would hold up passes), the
 * latest {@link #follow} winning. {@code removed} runs on the monitor's thread and must only queue work.
 */
final class AnnouncedVipWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnnouncedVipWatch.class);

  private final InterfaceMonitor monitor;
  private final Consumer<VipBinding> removed;
  private final Map<VipBinding, AutoCloseable> watches = new HashMap<>();
  private final AtomicReference<Set<VipBinding>> wanted = new AtomicReference<>();
  /** What the services thread last asked for; cleared by the worker when a watch could not be opened (retry). */
  private volatile Set<VipBinding> lastFollowed;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kubevip-services-vipwatch");
    t.setDaemon(true);
    return t;
  });

  AnnouncedVipWatch(InterfaceMonitor monitor, Consumer<VipBinding> removed) {
    this.monitor = Objects.requireNonNull(monitor, "monitor");
    this.removed = Objects.requireNonNull(removed, "removed");
  }

  /** Watches exactly {@code announced} from now on (soon: on the watch thread). */
  void follow(Set<VipBinding> announced) {
    Set<VipBinding> now = Set.copyOf(announced);
    if (now.equals(lastFollowed)) {
      return; // most passes change nothing here: no hand-off to the worker
    }
    lastFollowed = now;
    if (wanted.getAndSet(now) == null) {
      try {
        worker.execute(() -> apply(wanted.getAndSet(null)));
      } catch (RejectedExecutionException closed) {
        wanted.set(null);
      }
    }
  }

  private synchronized void apply(Set<VipBinding> announced) {
    if (announced == null || worker.isShutdown()) {
      return;
    }
    watches.entrySet().removeIf(e -> {
      if (announced.contains(e.getKey())) {
        return false;
      }
      closeQuietly(e.getKey(), e.getValue());
      return true;
    });
    for (VipBinding b : announced) {
      if (!watches.containsKey(b)) {
        try {
          watches.put(b, monitor.watch(b.iface(), Set.of(b.vip()), new Listener(b)));
        } catch (RuntimeException e) {
          LOG.warn("cannot watch {} on {} ({}); a deleted copy is re-added at the next pass", b.vip(), b.iface(),
              e.getMessage());
          lastFollowed = null; // the next pass asks again
        }
      }
    }
  }

  /** The bindings watched now. */
  synchronized Set<VipBinding> watched() {
    return Set.copyOf(watches.keySet());
  }

  /** Closes every watch at once; later {@link #follow} calls do nothing. */
  @Override
  public void close() {
    worker.shutdownNow();
    synchronized (this) {
      watches.forEach(AnnouncedVipWatch::closeQuietly);
      watches.clear();
    }
  }

  private static void closeQuietly(VipBinding b, AutoCloseable watch) {
    try {
      watch.close();
    } catch (Exception e) {
      LOG.debug("closing the watch of {}: {}", b, e.toString());
    }
  }

  private final class Listener implements InterfaceMonitor.Listener {
    private final VipBinding binding;

    Listener(VipBinding binding) {
      this.binding = binding;
    }

    @Override
    public void vipRemoved(VipAddress vip) {
      if (vip.equals(binding.vip())) {
        removed.accept(binding);
      }
    }

    @Override
    public void linkDown(InterfaceName iface) {
      // Services keep their VIPs through a link flap; the next pass re-adds whatever the kernel dropped.
    }

    @Override
    public void linkUp(InterfaceName iface) {}
  }
}
