// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.app.controlplane.ApiHealthCheck;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.BgpAdvertisementPort;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.VipAddressPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane VIP in BGP mode. The VIP sits on {@code vip_interface} (usually {@code lo}) so this node
 * accepts its traffic, and is advertised to every peer. With {@code vip_leaderelection} only the Lease holder
 * serves it (the election fences: {@code onStoppedLeading} arrives before anyone else may acquire, and the route
 * is withdrawn there first); without, every control-plane node serves it and the router spreads the traffic
 * (ECMP). While the local API server is unhealthy the route is withdrawn (and the Lease given up when elected).
 *
 * <p>Order matters both ways: the address goes on before the route is advertised and comes off after it is
 * withdrawn, so the router never sends traffic this node would drop. Threading: election, health-check and
 * lifecycle threads call in; one lock serialises every decision with the port calls it makes.
 */
public final class BgpControlPlane implements LeadershipCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(BgpControlPlane.class);

  /**
   * @param lease {@code vip_leasename} in its namespace (used only when elected)
   * @param identity this node's holder identity
   * @param vips the control-plane VIPs
   * @param iface where the VIPs go ({@code vip_interface})
   * @param elected {@code vip_leaderelection}: one holder, else every node advertises (ECMP)
   */
  public record Settings(LeaseName lease, String identity, List<VipAddress> vips, InterfaceName iface,
      boolean elected) {
    public Settings {
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(identity, "identity");
      vips = List.copyOf(vips);
      if (vips.isEmpty()) {
        throw new IllegalArgumentException("address: expected at least one control-plane VIP");
      }
      Objects.requireNonNull(iface, "iface");
    }
  }

  /** What health and logs show. */
  public record Status(boolean elected, boolean leading, boolean apiHealthy, boolean advertising,
      Optional<String> holder) {}

  private final Settings settings;
  private final LeaderElectionPort election;
  private final VipAddressPort addresses;
  private final BgpAdvertisementPort routes;
  private final boolean servicesShareTheInterface;
  private final Object lock = new Object();
  private boolean started;
  private boolean leading;
  private boolean apiHealthy = true;
  private boolean shuttingDown;
  private boolean campaigning;
  private boolean advertising;
  private volatile Optional<String> holder = Optional.empty();

  public BgpControlPlane(Settings settings, LeaderElectionPort election, VipAddressPort addresses,
      BgpAdvertisementPort routes) {
    this(settings, election, addresses, routes, false);
  }

  /**
   * @param servicesShareTheInterface LoadBalancer Services run in this process: their VIPs carry the same tag on the
   *     same interface, so the start-up clean-up removes only the control-plane VIPs (the Services controller
   *     removes its own leftovers), instead of every tagged address
   */
  public BgpControlPlane(Settings settings, LeaderElectionPort election, VipAddressPort addresses,
      BgpAdvertisementPort routes, boolean servicesShareTheInterface) {
    this.servicesShareTheInterface = servicesShareTheInterface;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.election = Objects.requireNonNull(election, "election");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  /**
   * Start-up clean-up of VIPs an earlier run left on the interface, unless this node still holds a valid Lease
   * (then it keeps serving). Only used when elected; ECMP nodes re-add at once anyway.
   */
  public int cleanUpLeftovers(boolean holdsValidLease) {
    if (holdsValidLease) {
      return 0;
    }
    int removed = 0;
    for (VipAddress vip : addresses.listOurs(settings.iface())) {
      if (servicesShareTheInterface && !settings.vips().contains(vip)) {
        continue;
      }
      try {
        addresses.remove(vip, settings.iface());
        removed++;
        LOG.info("removed VIP {} left on {} by an earlier run", vip, settings.iface());
      } catch (RuntimeException e) {
        LOG.warn("could not remove VIP {} left on {}: {}", vip, settings.iface(), e.getMessage());
      }
    }
    return removed;
  }

  /** Campaigns for the Lease (elected) or starts advertising (ECMP). */
  public void start() {
    synchronized (lock) {
      started = true;
      if (!settings.elected()) {
        LOG.info("vip_leaderelection=false: advertising the control-plane VIPs {} from every node (ECMP)",
            settings.vips());
        apply();
        return;
      }
    }
    campaign();
  }

  /** First shutdown step: withdraw the routes and take the VIPs off while the Lease is still held. */
  public void withdrawForShutdown() {
    synchronized (lock) {
      shuttingDown = true;
      apply();
    }
  }

  /** Second shutdown step: hand the Lease over so a peer takes it at once. */
  public void releaseLease() {
    boolean release;
    synchronized (lock) {
      shuttingDown = true;
      release = campaigning;
      campaigning = false;
    }
    if (release) {
      election.release(settings.lease());
    }
  }

  public Status status() {
    synchronized (lock) {
      return new Status(settings.elected(), leading, apiHealthy, advertising, holder);
    }
  }

  @Override
  public void onStartedLeading() {
    synchronized (lock) {
      leading = true;
      apply();
    }
  }

  @Override
  public void onStoppedLeading() {
    synchronized (lock) {
      leading = false;
      apply();
    }
    if (!isShuttingDown()) {
      LOG.info("lost the lease {}; control-plane route withdrawn, staying a candidate", settings.lease());
    }
  }

  @Override
  public void onNewLeader(String identity) {
    holder = Optional.of(identity);
  }

  /** Where the local API health check reports. */
  public ApiHealthCheck.Listener apiHealthListener() {
    return new ApiHealthCheck.Listener() {
      @Override
      public void unhealthy(String reason) {
        boolean release;
        synchronized (lock) {
          apiHealthy = false;
          LOG.warn("local API server unhealthy ({}): withdrawing the control-plane route", reason);
          apply();
          release = settings.elected() && campaigning && !shuttingDown;
          if (release) {
            campaigning = false;
          }
        }
        if (release) {
          election.release(settings.lease());
        }
      }

      @Override
      public void healthy() {
        synchronized (lock) {
          apiHealthy = true;
          apply();
        }
        campaign();
      }
    };
  }

  private boolean isShuttingDown() {
    synchronized (lock) {
      return shuttingDown;
    }
  }

  private void campaign() {
    synchronized (lock) {
      if (!settings.elected() || !started || campaigning || shuttingDown || !apiHealthy) {
        return;
      }
      campaigning = true;
    }
    LOG.info("campaigning for {} as {} (VIPs {} over BGP)", settings.lease(), settings.identity(), settings.vips());
    election.run(settings.lease(), this);
  }

  // Under lock. Brings the address and the route in line with what this node should do now.
  private void apply() {
    boolean want = started && !shuttingDown && apiHealthy && (!settings.elected() || leading);
    Set<VipAddress> vips = Set.copyOf(settings.vips());
    if (want) {
      for (VipAddress vip : settings.vips()) {
        try {
          addresses.add(vip, settings.iface());
        } catch (RuntimeException e) {
          LOG.warn("could not put {} on {} (advertising anyway, traffic may be dropped): {}", vip, settings.iface(),
              e.getMessage());
        }
      }
      routes.advertise(vips);
      if (!advertising) {
        LOG.info("advertising control-plane VIPs {} over BGP", settings.vips());
      }
      advertising = true;
    } else if (advertising) {
      routes.withdraw(vips);
      for (VipAddress vip : settings.vips()) {
        try {
          addresses.remove(vip, settings.iface());
        } catch (RuntimeException e) {
          LOG.warn("could not remove {} from {}: {}", vip, settings.iface(), e.getMessage());
        }
      }
      LOG.info("withdrew control-plane VIPs {} from BGP", settings.vips());
      advertising = false;
    }
  }
}
