// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.arp;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.linux.ArpSender.GarpForm;
import io.kubevip.linux.NetNamespace;
import io.kubevip.linux.error.LinuxException;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gratuitous ARP (IPv4) and unsolicited Neighbor Advertisements (IPv6) from the interface holding a VIP, so hosts
 * and switches move their cache entry at once instead of after about 47 s (platform notes §1).
 *
 * <p>IPv4: one frame per {@link #announce}, alternating request and reply form per interface by default, because
 * some switches honour only one (kube-vip#80; kube-vip alternates with a process-wide toggle). The caller repeats
 * announcements (kube-vip every {@code vip_arpRate}, 3 s). IPv6: a burst of {@link Settings#naCount()} NAs
 * {@link Settings#naInterval()} apart (default 3 × 50 ms), because the kernel sends none for a {@code nodad}
 * address and one lost NA would leave neighbours on the old owner; the first leaves before {@code announce}
 * returns, the rest on a scheduler thread so the caller is not held for 100 ms.
 *
 * <p>Sockets are opened per interface on first use (in the namespace given at construction, or the caller's) and
 * cached until {@link #close()}; a send that fails (interface recreated) reopens them once. Thread-safe.
 */
public final class LinuxL2Announcer implements L2AnnouncePort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxL2Announcer.class);

  /** Which gratuitous ARP form to send. */
  public enum ArpForm {
    /** Request, reply, request, ... per interface (kube-vip behaviour). */
    ALTERNATE,
    /** Always "who-has VIP tell VIP" ({@code arping -U}). */
    REQUEST,
    /** Always "VIP is-at MAC" ({@code arping -A}). */
    REPLY
  }

  /**
   * @param arpForm the gratuitous ARP form
   * @param naCount unsolicited NAs per IPv6 announcement, 1..10
   * @param naInterval time between them, 0..1 s
   */
  public record Settings(ArpForm arpForm, int naCount, Duration naInterval) {
    /** Alternating GARP forms; 3 NAs 50 ms apart (covers one or two lost frames within 100 ms). */
    public static final Settings DEFAULTS = new Settings(ArpForm.ALTERNATE, 3, Duration.ofMillis(50));

    public Settings {
      Objects.requireNonNull(arpForm, "arpForm");
      Objects.requireNonNull(naInterval, "naInterval");
      if (naCount < 1 || naCount > 10) {
        throw new IllegalArgumentException("NA burst count must be 1..10, was " + naCount);
      }
      if (naInterval.isNegative() || naInterval.compareTo(Duration.ofSeconds(1)) > 0) {
        throw new IllegalArgumentException("NA burst interval must be 0..1s, was " + naInterval);
      }
    }
  }

  private final Settings settings;
  private final MetricsPort metrics;
  private final Function<String, InterfaceSenders> opener;
  private final Map<String, InterfaceSenders> senders = new ConcurrentHashMap<>();
  private final Map<VipBinding, LongAdder> frames = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final ScheduledExecutorService followUps = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kubevip-na-burst");
    t.setDaemon(true);
    return t;
  });

  LinuxL2Announcer(Settings settings, MetricsPort metrics, Function<String, InterfaceSenders> opener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.opener = opener;
  }

  /** Opens sockets in the calling thread's network namespace (the normal case). */
  public static LinuxL2Announcer open(Settings settings, MetricsPort metrics) {
    Opener here = Opener.here();
    return new LinuxL2Announcer(settings, metrics, name -> here.open(() -> InterfaceSenders.open(name)));
  }

  /** Opens sockets in {@code namespace} whichever thread announces (lab and tests). */
  public static LinuxL2Announcer openIn(NetNamespace namespace, Settings settings, MetricsPort metrics) {
    Opener there = Opener.in(namespace);
    return new LinuxL2Announcer(settings, metrics, name -> there.open(() -> InterfaceSenders.open(name)));
  }

  @Override
  public void announce(VipAddress vip, InterfaceName iface) {
    Objects.requireNonNull(vip, "vip");
    String doing = "announcing " + vip + " on " + iface;
    if (vip.isDhcpMarker()) {
      throw new PortException(doing + ": the DHCP marker is not an address; lease a real one first");
    }
    try {
      sendFirst(vip, iface);
    } catch (LinuxException | IllegalArgumentException | IllegalStateException first) {
      InterfaceSenders stale = senders.remove(iface.name());
      if (stale == null) {
        throw new PortException(doing + ": " + first.getMessage(), first);
      }
      stale.close();
      LOG.debug("{} failed ({}); reopening the sockets once", doing, first.getMessage());
      try {
        sendFirst(vip, iface);
      } catch (LinuxException | IllegalArgumentException | IllegalStateException again) {
        throw new PortException(doing + ": " + again.getMessage(), again);
      }
    }
    if (vip.family() == IpFamily.IPV6) {
      scheduleFollowUps(vip, iface);
    }
  }

  private void sendFirst(VipAddress vip, InterfaceName iface) {
    InterfaceSenders s = senders.computeIfAbsent(iface.name(), opener);
    if (vip.family() == IpFamily.IPV4) {
      Inet4Address a = (Inet4Address) vip.address();
      switch (settings.arpForm()) {
        case REQUEST -> s.arp.send(a, GarpForm.REQUEST);
        case REPLY -> s.arp.send(a, GarpForm.REPLY);
        default -> s.arp.announce(a);
      }
    } else {
      synchronized (s) {
        s.ndp.sendUnsolicitedAdvertisement((Inet6Address) vip.address());
      }
    }
    counted(vip, iface);
  }

  private void scheduleFollowUps(VipAddress vip, InterfaceName iface) {
    long gap = settings.naInterval().toNanos();
    for (int i = 1; i < settings.naCount(); i++) {
      try {
        followUps.schedule(() -> followUp(vip, iface), gap * i, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closed) {
        return;
      }
    }
  }

  private void followUp(VipAddress vip, InterfaceName iface) {
    InterfaceSenders s = senders.get(iface.name());
    if (s == null) {
      return;
    }
    try {
      synchronized (s) {
        s.ndp.sendUnsolicitedAdvertisement((Inet6Address) vip.address());
      }
      counted(vip, iface);
    } catch (LinuxException e) {
      LOG.warn("repeating the unsolicited NA for {} on {} failed: {}", vip, iface, e.getMessage());
    }
  }

  private void counted(VipAddress vip, InterfaceName iface) {
    frames.computeIfAbsent(VipBinding.of(vip, iface), b -> new LongAdder()).increment();
    total.increment();
    metrics.l2FramesSent(vip, iface, 1);
  }

  /** Frames (GARP or NA) sent for {@code vip} on {@code iface} so far. */
  public long framesSent(VipAddress vip, InterfaceName iface) {
    LongAdder n = frames.get(VipBinding.of(vip, iface));
    return n == null ? 0 : n.sum();
  }

  /** Frames sent for every VIP so far. */
  public long framesSent() {
    return total.sum();
  }

  public Settings settings() {
    return settings;
  }

  /** Cancels pending NA repeats and closes every socket. */
  @Override
  public void close() {
    followUps.shutdownNow();
    senders.values().forEach(InterfaceSenders::close);
    senders.clear();
  }
}
