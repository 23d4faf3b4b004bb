// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.Netlink;
import io.kubevip.linux.NetlinkEvents;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.linux.model.Addr;
import io.kubevip.linux.model.Link;
import io.kubevip.linux.model.NetlinkEvent;
import io.kubevip.ports.out.LinkWatchPort;
import io.kubevip.ports.out.PortException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LinkWatchPort} over rtnetlink multicast ({@code ip monitor link address}): a deleted VIP is reported as
 * soon as the kernel announces RTM_DELADDR (confirmed by a fresh address dump, so a stale event never reports a
 * VIP that is back), dadfailed from the RTM_NEWADDR flags, link changes from IFF_UP and IFLA_CARRIER. When the
 * event socket overflows (ENOBUFS) the state is read again and only the differences are reported.
 *
 * <p>Both sockets are opened at construction, in the calling thread's namespace or the one given. All state and
 * every callback live on one thread, {@code kubevip-link-watch}; guard/unguard from another thread wait for it
 * (from a callback they run at once).
 */
public final class LinuxLinkWatch implements LinkWatchPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxLinkWatch.class);
  static final String THREAD = "kubevip-link-watch";

  private final Netlink query;
  private final ExecutorService dispatcher;
  private final NetlinkEvents events;
  private final List<WatchSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Map<Integer, String> names = new HashMap<>();
  private volatile Thread dispatcherThread;

  LinuxLinkWatch(Netlink query, Function<java.util.function.Consumer<NetlinkEvent>, NetlinkEvents> subscriber) {
    this.query = query;
    this.dispatcher = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, THREAD);
      t.setDaemon(true);
      dispatcherThread = t;
      return t;
    });
    NetlinkEvents e;
    try {
      e = subscriber.apply(ev -> dispatcher.execute(() -> onEvent(ev)));
    } catch (RuntimeException ex) {
      dispatcher.shutdownNow();
      query.close();
      throw ex;
    }
    this.events = e;
  }

  /** Subscribes in the calling thread's network namespace. */
  public static LinuxLinkWatch open() {
    return open(Opener.here());
  }

  /** Subscribes in {@code namespace} (lab and tests). */
  public static LinuxLinkWatch openIn(NetNamespace namespace) {
    return open(Opener.in(namespace));
  }

  private static LinuxLinkWatch open(Opener opener) {
    try {
      Netlink query = opener.open(Netlink::open);
      EnumSet<NetlinkEvents.Group> groups = EnumSet.of(NetlinkEvents.Group.LINK,
          NetlinkEvents.Group.IPV4_ADDRESS, NetlinkEvents.Group.IPV6_ADDRESS);
      return new LinuxLinkWatch(query, listener -> opener.open(() -> NetlinkEvents.subscribe(groups, listener)));
    } catch (LinuxException e) {
      throw new PortException("starting the link watch: " + e.getMessage(), e);
    }
  }

  @Override
  public Subscription watch(Listener listener) {
    WatchSubscription s = new WatchSubscription(this, java.util.Objects.requireNonNull(listener, "listener"));
    subscriptions.add(s);
    return s;
  }

  void forget(WatchSubscription s) {
    subscriptions.remove(s);
  }

  /** Runs {@code work} on the watcher thread and waits; at once when already there. */
  <T> T onWatcher(Supplier<T> work) {
    if (Thread.currentThread() == dispatcherThread) {
      return work.get();
    }
    Future<T> f;
    try {
      f = dispatcher.submit(work::get);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      throw new PortException("the link watch is closed");
    }
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortException("interrupted waiting for the link watch thread", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new PortException(e.getCause().toString(), e);
    }
  }

  // ---- everything below runs on the watcher thread

  private void onEvent(NetlinkEvent e) {
    try {
      if (e instanceof NetlinkEvent.AddrChanged a) {
        String name = name(a.addr().linkIndex());
        for (WatchSubscription s : subscriptions) {
          s.onAddress(a.removed(), a.addr(), name);
        }
      } else if (e instanceof NetlinkEvent.LinkChanged l) {
        if (l.removed()) {
          names.remove(l.link().index());
        } else {
          names.put(l.link().index(), l.link().name());
        }
        boolean up = !l.removed() && isUp(l.link());
        for (WatchSubscription s : subscriptions) {
          s.onLink(l.link().name(), up);
        }
      } else if (e instanceof NetlinkEvent.EventsLost) {
        LOG.warn("netlink events were lost (socket overflow); re-reading links and addresses");
        for (WatchSubscription s : subscriptions) {
          s.resync();
        }
      }
    } catch (LinuxException ex) {
      LOG.warn("link watch could not handle {}: {}", e, ex.getMessage());
    }
  }

  static boolean isUp(Link l) {
    return l.isUp() && l.carrier();
  }

  private String name(int index) {
    String n = names.get(index);
    if (n == null) {
      n = query.linkByIndex(index).map(Link::name).orElse("#" + index);
      names.put(index, n);
    }
    return n;
  }

  /** Whether {@code binding}'s address is on its interface now: empty when absent, else the kernel's view. */
  java.util.Optional<Addr> current(VipBinding binding) {
    java.util.Optional<Link> link = query.findLink(binding.iface().name());
    if (link.isEmpty()) {
      return java.util.Optional.empty();
    }
    return query.addresses().stream()
        .filter(a -> a.linkIndex() == link.get().index() && matches(binding, a))
        .findFirst();
  }

  /** Every link and every address now, from one dump of each. */
  KernelAddresses snapshot() {
    return KernelAddresses.read(query);
  }

  static boolean matches(VipBinding b, Addr a) {
    return a.prefixLength() == b.vip().prefixLength()
        && java.util.Arrays.equals(a.address().getAddress(), b.vip().address().getAddress());
  }

  /** Stops the event socket and the watcher thread; subscriptions hear nothing more. */
  @Override
  public void close() {
    events.close();
    dispatcher.shutdownNow();
    query.close();
  }
}
