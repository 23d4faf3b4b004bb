// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.in.ReconcileControlPlaneVipCommand;
import io.kubevip.ports.out.DuplicateAddressPort;
import io.kubevip.ports.out.L2AnnouncePort;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.VipAddressPort;
import io.kubevip.ports.service.ControlPlaneLeadership;
import io.kubevip.ports.service.ControlPlaneVipService;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.VipAnnouncer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's part in the control-plane VIP (ARP mode): campaigns for the lease; as leader puts the VIPs on the
 * interface and announces them, re-announces every {@code vip_arpRate} and probes for duplicates; on loss withdraws
 * and removes them and stays a candidate (kube-vip exits instead). With {@code vip_loseleadership}, a link down for
 * longer than the timeout gives the lease up until the link is back.
 *
 * <p>Shutdown is two steps so Spring can order them: {@link #withdrawForShutdown} (VIPs off, nothing re-added), then
 * {@link #releaseLease} (the Lease handed over). A peer can therefore never announce while this node still has the
 * address. Threading: leadership callbacks on the election thread; ticks and link decisions on this node's timer
 * thread; the VIP service serialises the two.
 */
public final class ControlPlaneNode implements LeadershipCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneNode.class);

  /** What health and logs show. */
  public record Status(boolean campaigning, boolean leading, Optional<String> holder, boolean linkDown,
      Set<String> givenUpFor, Map<String, Set<String>> duplicates) {}

  private final ControlPlaneSettings settings;
  private final LeaderElectionPort election;
  private final VipAddressPort addresses;
  private final L2AnnouncePort announcer;
  private final InterfaceMonitor monitor;
  private final DuplicateProbe probe;
  private final ControlPlaneMeters meters;
  private final Clock clock;
  private final ControlPlaneVipService service;
  private final ControlPlaneLeadership leadership;
  private final ScheduledExecutorService timer;
  private final Function<LeaseName, Optional<Duration>> takeoverGap;
  /**
   * The probe before adding the VIP delays the takeover by this much per VIP, so it is short; hosts on one LAN
   * answer in well under 10 ms (the periodic probe listens for the port's default window).
   */
  static final Duration TAKEOVER_PROBE_WINDOW = Duration.ofMillis(50);
  private static final String LINK = "link";
  private static final String API = "api";
  private final Map<String, Set<String>> duplicates = new ConcurrentHashMap<>();
  private final Set<String> blockers = ConcurrentHashMap.newKeySet();

  // Guards the timer futures only. Never held while waiting for the election thread: releaseLease waits for
  // onStoppedLeading, which cancels timers, so one lock for both would deadlock.
  private final Object timers = new Object();
  // Serialises "am I leading?" with the add/remove it decides, so a refresh that checked just before the lease was
  // lost cannot add the VIP back after onStoppedLeading removed it. Held only for local network calls.
  private final Object serving = new Object();
  private volatile boolean campaigning;
  private volatile boolean leading;
  private volatile boolean linkDown;
  private volatile boolean shuttingDown;
  private volatile Optional<String> holder = Optional.empty();
  private volatile boolean othersToServices;
  private ScheduledFuture<?> refresh;
  private ScheduledFuture<?> duplicateProbe;
  private ScheduledFuture<?> giveUp;
  private AutoCloseable linkWatch;

  public ControlPlaneNode(ControlPlaneSettings settings, LeaderElectionPort election, VipAddressPort addresses,
      L2AnnouncePort announcer, InterfaceMonitor monitor, DuplicateProbe probe, ControlPlaneMeters meters,
      MetricsPort metrics, Clock clock) {
    this(settings, election, addresses, announcer, monitor, probe, meters, metrics, clock, lease -> Optional.empty());
  }

  /**
   * @param takeoverGap for the failover histogram: asked inside {@code onStartedLeading}, the time since the previous
   *     holder's last observed renewal or release (empty when the election cannot tell)
   */
  public ControlPlaneNode(ControlPlaneSettings settings, LeaderElectionPort election, VipAddressPort addresses,
      L2AnnouncePort announcer, InterfaceMonitor monitor, DuplicateProbe probe, ControlPlaneMeters meters,
      MetricsPort metrics, Clock clock, Function<LeaseName, Optional<Duration>> takeoverGap) {
    this.takeoverGap = Objects.requireNonNull(takeoverGap, "takeoverGap");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.election = Objects.requireNonNull(election, "election");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.announcer = counting(Objects.requireNonNull(announcer, "announcer"), meters);
    this.monitor = Objects.requireNonNull(monitor, "monitor");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.service = new ControlPlaneVipService(new PlanExecutor(addresses, VipAnnouncer.l2(this.announcer), metrics),
        metrics, clock);
    this.leadership = new ControlPlaneLeadership(service, settings.lease(), settings.vips(), settings.iface(), metrics,
        this::stayCandidate);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "control-plane-timer");
      t.setDaemon(true);
      return t;
    });
  }

  // The loss policy (kube-vip exits here). A release on shutdown also ends in onStoppedLeading; say nothing then.
  private void stayCandidate() {
    if (!shuttingDown) {
      LOG.info("lost the lease {}; VIPs withdrawn, staying a candidate", settings.lease());
    }
  }

  /**
   * The Services use case runs in this process too: it owns every tagged address that is not a control-plane VIP and
   * removes those no Service wants on each pass. From now on {@link #cleanUpLeftovers} removes only the control-plane
   * VIPs, so a Service VIP the Services side already serves again (it may start first) is not taken away. Call before
   * {@link #cleanUpLeftovers}.
   */
  public void leaveOtherAddressesToServices() {
    othersToServices = true;
  }

  /**
   * Start-up clean-up: a previous run may have died holding the VIPs. Unless this node still holds a valid Lease
   * (then it will renew and keep serving), every VIP we tagged on the interface is removed; only the control-plane
   * VIPs when the Services use case looks after the rest ({@link #leaveOtherAddressesToServices}).
   *
   * @return how many addresses were removed
   */
  public int cleanUpLeftovers(boolean holdsValidLease) {
    if (holdsValidLease) {
      LOG.info("this node still holds the lease {}; keeping VIPs on {}", settings.lease(), settings.iface());
      return 0;
    }
    int removed = 0;
    for (VipAddress vip : addresses.listOurs(settings.iface())) {
      if (othersToServices && !settings.vips().contains(vip)) {
        continue; // the Services side keeps it or cleans it up
      }
      try {
        addresses.remove(vip, settings.iface());
        removed++;
        LOG.info("removed VIP {} left on {} by an earlier run", vip, settings.iface());
      } catch (PortException e) {
        LOG.warn("could not remove VIP {} left on {}: {}", vip, settings.iface(), e.getMessage());
      }
    }
    return removed;
  }

  /** Starts campaigning and watching the interface. */
  public synchronized void campaign() {
    if (linkWatch == null) {
      try {
        linkWatch = monitor.watch(settings.iface(), Set.copyOf(settings.vips()), new LinkListener());
      } catch (RuntimeException e) {
        LOG.warn("cannot watch {} ({}); vip_loseleadership and instant VIP repair are off, the {} refresh still"
            + " re-adds VIPs", settings.iface(), e.getMessage(), settings.arpRate());
      }
    }
    startCampaign();
  }

  /** First shutdown step: stop serving and take the VIPs off, while the Lease is still held. */
  public void withdrawForShutdown() {
    synchronized (serving) {
      shuttingDown = true;
      cancelTimers();
      try {
        service.reconcile(new ReconcileControlPlaneVipCommand(settings.vips(), settings.iface(), false));
      } catch (RuntimeException e) {
        LOG.warn("withdrawing the control-plane VIPs on shutdown failed: {}", e.toString());
      }
    }
  }

  /** Second shutdown step: hand the Lease over (empty holder) so a watching peer takes it at once. */
  public synchronized void releaseLease() {
    shuttingDown = true;
    closeLinkWatch();
    if (campaigning) {
      campaigning = false;
      election.release(settings.lease());
    }
    timer.shutdownNow();
  }

  public Status status() {
    return new Status(campaigning, leading, holder, linkDown, Set.copyOf(blockers), new TreeMap<>(duplicates));
  }

  @Override
  public void onStartedLeading() {
    long start = System.nanoTime();
    Optional<Duration> gap = takeoverGap.apply(settings.lease());
    synchronized (serving) {
      if (shuttingDown) {
        return; // the lease is about to be released; adding the VIP now would only race the withdrawal
      }
      leading = true;
      meters.leading(true);
      probeDuplicates(TAKEOVER_PROBE_WINDOW);
      leadership.onStartedLeading();
    }
    Duration toAnnounce = Duration.ofNanos(System.nanoTime() - start);
    meters.acquiredToAnnounced(toAnnounce);
    gap.ifPresent(g -> meters.failedOver(g.plus(toAnnounce)));
    schedule();
  }

  @Override
  public void onStoppedLeading() {
    cancelTimers();
    synchronized (serving) {
      leading = false; // first: a refresh waiting for the lock must find us no longer leading
      leadership.onStoppedLeading();
      meters.leading(false);
    }
  }

  @Override
  public void onNewLeader(String identity) {
    holder = Optional.of(identity);
    leadership.onNewLeader(identity);
  }

  private synchronized void startCampaign() {
    if (!campaigning && !shuttingDown && blockers.isEmpty()) {
      campaigning = true;
      LOG.info("campaigning for {} as {} (VIPs {} on {})", settings.lease(), settings.identity(), settings.vips(),
          settings.iface());
      election.run(settings.lease(), this);
    }
  }

  private void schedule() {
    synchronized (timers) {
      cancelTimers();
      long rate = settings.arpRate().toNanos();
      long probeEvery = settings.duplicateProbePeriod().toNanos();
      try {
        refresh = timer.scheduleAtFixedRate(this::refresh, rate, rate, TimeUnit.NANOSECONDS);
        if (probeEvery > 0) {
          duplicateProbe = timer.scheduleAtFixedRate(() -> probeDuplicates(DuplicateAddressPort.DEFAULT_WINDOW),
              probeEvery, probeEvery, TimeUnit.NANOSECONDS);
        }
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.debug("control-plane timer stopped; not scheduling refreshes");
      }
    }
  }

  private void cancelTimers() {
    synchronized (timers) {
      cancel(refresh);
      cancel(duplicateProbe);
      refresh = null;
      duplicateProbe = null;
    }
  }

  // kube-vip re-sends gratuitous ARP every vip_arpRate and re-adds a VIP someone removed ("Re-applied the VIP").
  private void refresh() {
    synchronized (serving) {
      if (!leading || shuttingDown) {
        return;
      }
      try {
        service.reconcile(new ReconcileControlPlaneVipCommand(settings.vips(), settings.iface(), true));
        for (VipAddress vip : settings.vips()) {
          announcer.announce(vip, settings.iface());
        }
      } catch (RuntimeException e) {
        LOG.warn("refreshing control-plane VIPs on {} failed; retrying in {}: {}", settings.iface(), settings.arpRate(),
            e.toString());
      }
    }
  }

  // Found duplicates are reported, never acted on: stopping would make an outage out of a misconfiguration.
  private void probeDuplicates(Duration window) {
    for (VipAddress vip : settings.vips()) {
      try {
        Set<String> macs = probe.foreignMacs(vip, settings.iface(), window);
        if (macs.isEmpty()) {
          duplicates.remove(vip.hostText());
        } else {
          duplicates.put(vip.hostText(), Set.copyOf(macs));
          meters.duplicateAnswers(vip, macs.size());
          LOG.warn("duplicate address: {} on {} is also answered by {}; still announcing", vip, settings.iface(), macs);
        }
      } catch (RuntimeException e) {
        LOG.warn("duplicate probe for {} on {} failed: {}", vip, settings.iface(), e.toString());
      }
    }
  }

  private final class LinkListener implements InterfaceMonitor.Listener {
    @Override
    public void vipRemoved(VipAddress vip) {
      if (leading && !shuttingDown) {
        LOG.info("{} was removed from {} by someone else; adding it again", vip, settings.iface());
        submit(ControlPlaneNode.this::refresh, Duration.ZERO);
      }
    }

    @Override
    public void linkDown(InterfaceName iface) {
      linkDown = true;
      if (!settings.loseLeadership()) {
        LOG.warn("{} is down; keeping the lease (vip_loseleadership=false)", iface);
        return;
      }
      LOG.warn("{} is down; giving up the lease in {} unless it comes back", iface, settings.loseLeadershipTimeout());
      synchronized (timers) {
        cancel(giveUp);
        giveUp = submit(ControlPlaneNode.this::giveUpForLink, settings.loseLeadershipTimeout());
      }
    }

    @Override
    public void linkUp(InterfaceName iface) {
      linkDown = false;
      synchronized (timers) {
        cancel(giveUp);
        giveUp = null;
      }
      unblock(LINK);
    }
  }

  private void giveUpForLink() {
    if (linkDown) {
      block(LINK, settings.iface() + " down for " + settings.loseLeadershipTimeout() + " (vip_loseleadership)");
    }
  }

  /** Where the local API health check reports: unhealthy gives the lease up, healthy again campaigns. */
  public ApiHealthCheck.Listener apiHealthListener() {
    return new ApiHealthCheck.Listener() {
      @Override
      public void unhealthy(String reason) {
        submit(() -> block(API, "local API server unhealthy: " + reason), Duration.ZERO);
      }

      @Override
      public void healthy() {
        unblock(API);
      }
    };
  }

  // Gives the lease up while any reason holds; the first reason releases it.
  private void block(String key, String why) {
    blockers.add(key);
    synchronized (this) {
      if (!campaigning || shuttingDown) {
        return;
      }
      campaigning = false;
    }
    LOG.warn("{}: releasing the lease {}; campaigning again when that is over", why, settings.lease());
    election.release(settings.lease());
  }

  private void unblock(String key) {
    if (blockers.remove(key) && blockers.isEmpty()) {
      submit(this::startCampaign, Duration.ZERO);
    }
  }

  private ScheduledFuture<?> submit(Runnable task, Duration delay) {
    try {
      return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null; // shut down
    }
  }

  private void closeLinkWatch() {
    if (linkWatch != null) {
      try {
        linkWatch.close();
      } catch (Exception e) {
        LOG.debug("closing the link watch: {}", e.toString());
      }
      linkWatch = null;
    }
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private static L2AnnouncePort counting(L2AnnouncePort port, ControlPlaneMeters meters) {
    return (vip, iface) -> {
      port.announce(vip, iface);
      meters.announced(vip, iface);
    };
  }
}
