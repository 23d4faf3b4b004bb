// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.plan.AnnouncementPlan;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.plan.VipState;
import io.kubevip.ports.in.ActionFailure;
import io.kubevip.ports.in.ReconcileControlPlaneVipCommand;
import io.kubevip.ports.in.ReconcileControlPlaneVipUseCase;
import io.kubevip.ports.in.ReconcileOutcome;
import io.kubevip.ports.out.MetricsPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves the control-plane VIPs while told to: plan from the actual state, then add address → announce, or
 * withdraw → remove. Leadership reactions are in {@link ControlPlaneLeadership}; this class only converges.
 * Calls are serialised ({@code synchronized}) because leadership callbacks and repair timers arrive on
 * different threads.
 */
public final class ControlPlaneVipService implements ReconcileControlPlaneVipUseCase {
  static final String USE_CASE = "control-plane-vip";

  private final PlanExecutor executor;
  private final MetricsPort metrics;
  private final Clock clock;

  public ControlPlaneVipService(PlanExecutor executor, MetricsPort metrics, Clock clock) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized ReconcileOutcome reconcile(ReconcileControlPlaneVipCommand command) {
    Instant start = clock.instant();
    Set<VipBinding> desired = new TreeSet<>();
    if (command.serve()) {
      command.vips().forEach(vip -> desired.add(new VipBinding(vip, command.iface())));
    }
    VipState actual = executor.actual(List.of(command.iface()));
    AnnouncementPlan plan = AnnouncementPlan.between(desired, actual);
    List<ActionFailure> failures = new ArrayList<>();
    var executed = executor.execute(plan, failures);
    metrics.reconcileCompleted(USE_CASE, Duration.between(start, clock.instant()), failures.isEmpty());
    return new ReconcileOutcome(executed, failures, Optional.empty());
  }
}
