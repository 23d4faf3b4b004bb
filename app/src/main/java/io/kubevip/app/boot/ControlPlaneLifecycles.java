// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.adapter.kubernetes.client.RbacPreflight;
import io.kubevip.app.controlplane.ApiHealthCheck;
import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.controlplane.ControlPlaneSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Spring's lifecycle mapped onto the control-plane node in two beans whose phases order shutdown: {@link Serving}
 * (higher phase, stopped first) takes the VIPs off; {@link Campaign} (stopped after it) releases the Lease. So on
 * SIGTERM a peer can only take over once this node no longer has the address. Both stop before the web server
 * (phase {@code DEFAULT_PHASE - 1024}), so the probes answer until the hand-over is done.
 */
final class ControlPlaneLifecycles {
  /** Started first, stopped last: connect, check, clean up, campaign; on stop release the Lease. */
  static final int CAMPAIGN_PHASE = SmartLifecycle.DEFAULT_PHASE - 2;
  /** Stopped first: withdraw the VIPs while the Lease is still ours. */
  static final int SERVING_PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

  private ControlPlaneLifecycles() {}

  static final class Campaign implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Campaign.class);
    private final KubernetesAdapter kubernetes;
    private final ControlPlaneNode node;
    private final ControlPlaneSettings settings;
    private final KubevipProperties.HealthCheck healthCheck;
    private volatile boolean running;
    private ApiHealthCheck apiHealth;

    Campaign(KubernetesAdapter kubernetes, ControlPlaneNode node, ControlPlaneSettings settings,
        KubevipProperties.HealthCheck healthCheck) {
      this.kubernetes = kubernetes;
      this.node = node;
      this.settings = settings;
      this.healthCheck = healthCheck;
    }

    @Override
    public void start() {
      LOG.info("Kubernetes API: {}", kubernetes.description());
      // An unreachable API (the first control-plane node before its API server is up) costs one request timeout
      // here, not two: the Lease cannot be read either, and VIPs are removed as when it is not ours.
      node.cleanUpLeftovers(preflight() && holdsValidLease());
      node.campaign();
      startApiHealthCheck();
      running = true;
    }

    private void startApiHealthCheck() {
      if (healthCheck == null || healthCheck.address() == null || healthCheck.address().isBlank()) {
        return;
      }
      URI address = URI.create(healthCheck.address().trim());
      Path ca = healthCheck.caPath() == null || healthCheck.caPath().isBlank() ? null : Path.of(healthCheck.caPath());
      apiHealth = new ApiHealthCheck(ApiHealthCheck.http(address, healthCheck.timeout(), ca), healthCheck.period(),
          healthCheck.failureThreshold(), node.apiHealthListener());
      LOG.info("checking the local API server at {} every {} (timeout {}, {} failures give the lease up)", address,
          healthCheck.period(), healthCheck.timeout(), healthCheck.failureThreshold());
      apiHealth.start();
    }

    // A missing verb is logged, not fatal: the election keeps retrying and starts working once RBAC is fixed.
    // False when the API server could not be asked at all.
    private boolean preflight() {
      try {
        RbacPreflight.Result r = kubernetes.checkLeaseAccess(settings.lease().namespace());
        if (r instanceof RbacPreflight.Missing m) {
          LOG.error(m.message());
        } else if (r instanceof RbacPreflight.NotServed n) {
          LOG.info("RBAC pre-flight skipped: {}", n.detail());
        } else {
          LOG.info("RBAC pre-flight: leases in {} allowed", settings.lease().namespace());
        }
        return true;
      } catch (RuntimeException e) {
        LOG.warn("RBAC pre-flight could not run (the election retries regardless): {}", e.getMessage());
        return false;
      }
    }

    // If the Lease cannot be read, the VIPs are removed: another node may hold it, and re-adding is cheap.
    private boolean holdsValidLease() {
      try {
        return kubernetes.holdsValidLease(settings.lease(), settings.identity(), Clock.systemUTC());
      } catch (RuntimeException e) {
        LOG.warn("could not read the lease {} at start-up; removing leftover VIPs: {}", settings.lease(), e.getMessage());
        return false;
      }
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

  /** Withdraws on shutdown before the Lease is released; see {@link WithdrawOnShutdown}. */
  static final class Serving extends WithdrawOnShutdown {
    Serving(ControlPlaneNode node) {
      super(node::withdrawForShutdown);
    }
  }
}
