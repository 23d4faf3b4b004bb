// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.app.controlplane.ApiHealthCheck;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Spring's lifecycle mapped onto {@link BgpControlPlane} in two beans whose phases order shutdown as in ARP mode:
 * {@link Serving} (stopped first) withdraws the route and takes the VIP off while the Lease is still held;
 * {@link Campaign} (stopped after) releases the Lease. The speaker is closed later still (Cease with the shutdown
 * message), when Spring destroys the data plane.
 */
public final class BgpControlPlaneLifecycles {
  /** Same phases as the ARP control plane: both stop before the web server. */
  public static final int CAMPAIGN_PHASE = SmartLifecycle.DEFAULT_PHASE - 2;
  public static final int SERVING_PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

  private BgpControlPlaneLifecycles() {}

  /** Started first: clean up, campaign or advertise, start the API health check; on stop release the Lease. */
  public static final class Campaign implements SmartLifecycle {
    private final BgpControlPlane node;
    private final BooleanSupplier holdsValidLease;
    private final Supplier<ApiHealthCheck> healthCheck;
    private volatile boolean running;
    private ApiHealthCheck apiHealth;

    /**
     * @param holdsValidLease asked once at start when elected (kept VIPs are then not removed)
     * @param healthCheck the local API health check, or a supplier of null when none is configured
     */
    public Campaign(BgpControlPlane node, BooleanSupplier holdsValidLease, Supplier<ApiHealthCheck> healthCheck) {
      this.node = Objects.requireNonNull(node, "node");
      this.holdsValidLease = Objects.requireNonNull(holdsValidLease, "holdsValidLease");
      this.healthCheck = Objects.requireNonNull(healthCheck, "healthCheck");
    }

    @Override
    public void start() {
      node.cleanUpLeftovers(holdsValidLease.getAsBoolean());
      node.start();
      apiHealth = healthCheck.get();
      if (apiHealth != null) {
        apiHealth.start();
      }
      running = true;
    }

    @Override
    public void stop() {
      if (apiHealth != null) {
        apiHealth.close();
      }
      node.releaseLease();
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }

    @Override
    public int getPhase() {
      return CAMPAIGN_PHASE;
    }
  }

  /** Stopped first: withdraw the route and take the VIP off. */
  /** Withdraws on shutdown before the Lease is released; see {@link io.kubevip.app.boot.WithdrawOnShutdown}. */
  public static final class Serving extends io.kubevip.app.boot.WithdrawOnShutdown {
    public Serving(BgpControlPlane node) {
      super(node::withdrawForShutdown);
    }
  }
}
