// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.LinkWatchPort;
import java.util.List;
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
 * {@code vip_arpRate} tick). One link-watch subscription guards every announced binding (guarded in one batch
 * after the addresses are on the interface, unguarded when they stop being announced: a node with thousands of
 * VIPs reads the kernel's addresses once per change, not once per VIP); the caller decides what a removal means
 * (a repair pass).
 *
 * <p>Threading: {@link #follow} and {@link #close} from the services thread; watches are opened and closed on a thread
 * of their own (opening one reads the interface's addresses, which at thousands of VIPs would hold up passes), the
 * latest {@link #follow} winning. {@code removed} runs on the monitor's thread and must only queue work.
 */
final class AnnouncedVipWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnnouncedVipWatch.class);

  private final InterfaceMonitor monitor;
  private final Consumer<VipBinding> removed;
  /** One subscription for every announced VIP, opened at the first {@link #follow}. */
  private LinkWatchPort.Subscription subscription;
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
    if (subscription == null) {
      subscription = monitor.subscribe(new LinkWatchPort.Listener() {
        @Override
        public void vipRemoved(VipBinding binding) {
          removed.accept(binding);
        }
      });
    }
    Set<VipBinding> guarded = subscription.guarded();
    guarded.stream().filter(b -> !announced.contains(b)).forEach(subscription::unguard);
    List<VipBinding> added = announced.stream().filter(b -> !guarded.contains(b)).toList();
    try {
      subscription.guardAll(added);
    } catch (RuntimeException e) {
      LOG.warn("cannot watch {} Service VIP(s) ({}); a deleted copy is re-added at the next pass", added.size(),
          e.getMessage());
      lastFollowed = null; // the next pass asks again
    }
  }

  /** The bindings watched now. */
  synchronized Set<VipBinding> watched() {
    return subscription == null ? Set.of() : subscription.guarded();
  }

  /** Closes every watch at once; later {@link #follow} calls do nothing. */
  @Override
  public void close() {
    worker.shutdownNow();
    synchronized (this) {
      if (subscription != null) {
        subscription.close();
      }
    }
  }
}
