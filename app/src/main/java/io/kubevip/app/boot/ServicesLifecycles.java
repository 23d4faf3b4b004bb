// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.services.ServicesNode;
import org.springframework.context.SmartLifecycle;

/**
 * Spring's lifecycle mapped onto the Services node, in the control plane's two phases: {@link Serving} (stopped
 * first) withdraws the Service VIPs and gives the liveness Lease up, so peers take them over at once; {@link Campaign}
 * (stopped after it) releases {@code svc_leasename} and stops watching. Both stop before the web server, so the
 * probes answer until the hand-over is done.
 */
final class ServicesLifecycles {
  private ServicesLifecycles() {}

  static final class Campaign implements SmartLifecycle {
    private final ServicesNode node;
    private volatile boolean running;

    Campaign(ServicesNode node) {
      this.node = node;
    }

    @Override
    public void start() {
      node.start();
      running = true;
    }

    @Override
    public void stop() {
      node.stop();
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }

    @Override
    public int getPhase() {
      return ControlPlaneLifecycles.CAMPAIGN_PHASE;
    }
  }

  /** Withdraws on shutdown before the Lease is released; see {@link WithdrawOnShutdown}. */
  static final class Serving extends WithdrawOnShutdown {
    Serving(ServicesNode node) {
      super(node::withdrawForShutdown);
    }
  }
}
