// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import org.springframework.context.SmartLifecycle;

/**
 * The serving half of a two-phase shutdown: in {@link ControlPlaneLifecycles#SERVING_PHASE}, which stops before the
 * campaign phase, withdraw what this node announces — so addresses and routes are gone while the Lease is still
 * held, and only then is the Lease released. Shared by the ARP control plane, Services and the BGP control plane.
 */
public class WithdrawOnShutdown implements SmartLifecycle {
  private final Runnable withdraw;
  private volatile boolean running;

  public WithdrawOnShutdown(Runnable withdraw) {
    this.withdraw = java.util.Objects.requireNonNull(withdraw, "withdraw");
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    withdraw.run();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return ControlPlaneLifecycles.SERVING_PHASE;
  }
}
