// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.placement.PlacementDecision;
import io.kubevip.domain.placement.PlacementRequest;
import io.kubevip.domain.placement.RendezvousPlacement;
import io.kubevip.domain.plan.AnnouncementPlan;
import io.kubevip.domain.plan.DesiredBindings;
import io.kubevip.domain.plan.VipState;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.in.ActionFailure;
import io.kubevip.ports.in.ReconcileOutcome;
import io.kubevip.ports.in.ReconcileServicesCommand;
import io.kubevip.ports.in.ReconcileServicesUseCase;
import io.kubevip.ports.in.ServiceVips;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Places all Service VIPs across the eligible nodes (every node computes the same result), serves this node's
 * share, and reports back to the Services this node is responsible for. A Service is reported by the node that
 * announces its first VIP; unplaced Services by the first eligible node by name, so exactly one node writes.
 * Status writes and Events happen only when what would be written changed since this node last wrote it.
 * Calls are serialised.
 */
public final class ReconcileServicesService implements ReconcileServicesUseCase {
  static final String USE_CASE = "services";
  static final String CONDITION = "kube-vip.io/Announced";

  private final PlanExecutor executor;
  private final ServiceStatusPort status;
  private final MetricsPort metrics;
  private final Clock clock;
  private final RendezvousPlacement placer = new RendezvousPlacement();
  private final Map<ServiceRef, String> lastReported = new HashMap<>();
  private final Set<InterfaceName> knownIfaces = new TreeSet<>();

  public ReconcileServicesService(PlanExecutor executor, ServiceStatusPort status, MetricsPort metrics, Clock clock) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.status = Objects.requireNonNull(status, "status");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized ReconcileOutcome reconcile(ReconcileServicesCommand command) {
    Instant start = clock.instant();
    Map<VipAddress, InterfaceName> ifaceOf = new HashMap<>();
    Placement placement = placer.place(request(command, ifaceOf));
    placement.decisions().values().forEach(d -> metrics.placementDecided(d.reason()));

    knownIfaces.add(command.defaultIface());
    knownIfaces.addAll(ifaceOf.values());
    VipState actual = executor.actual(knownIfaces);
    AnnouncementPlan plan = AnnouncementPlan.between(
        DesiredBindings.forNode(placement, command.self(), ifaceOf::get), actual);
    List<ActionFailure> failures = new ArrayList<>();
    var executed = executor.execute(plan, failures);

    report(command, placement);
    metrics.reconcileCompleted(USE_CASE, Duration.between(start, clock.instant()), failures.isEmpty());
    return new ReconcileOutcome(executed, failures, Optional.of(placement));
  }

  private static PlacementRequest request(ReconcileServicesCommand command, Map<VipAddress, InterfaceName> ifaceOf) {
    Set<VipAddress> vips = new HashSet<>();
    Map<VipAddress, Set<NodeId>> restricted = new HashMap<>();
    List<ServiceVips> services = new ArrayList<>(command.services());
    services.sort(Comparator.comparing(ServiceVips::service)); // shared VIPs take the first Service's interface
    for (ServiceVips s : services) {
      for (VipAddress vip : s.vips()) {
        vips.add(vip);
        ifaceOf.putIfAbsent(vip, s.iface().orElse(command.defaultIface()));
        if (s.trafficPolicy() == ExternalTrafficPolicy.LOCAL) {
          // A VIP shared by several Local Services must land where all of them have endpoints.
          restricted.merge(vip, s.endpointNodes(), (a, b) -> {
            Set<NodeId> both = new HashSet<>(a);
            both.retainAll(b);
            return both;
          });
        }
      }
    }
    return new PlacementRequest(vips, command.eligibleNodes(), command.currentOwners(), restricted);
  }

  private void report(ReconcileServicesCommand command, Placement placement) {
    Optional<NodeId> reporterOfUnplaced = command.eligibleNodes().stream().min(Comparator.naturalOrder());
    for (ServiceVips s : command.services()) {
      List<VipAddress> sorted = s.vips().stream().sorted().toList();
      if (sorted.isEmpty()) {
        continue;
      }
      Optional<NodeId> host = placement.ownerOf(sorted.get(0));
      boolean mine = host.filter(command.self()::equals).isPresent()
          || (host.isEmpty() && reporterOfUnplaced.filter(command.self()::equals).isPresent());
      if (!mine) {
        lastReported.remove(s.service()); // someone else reports; write again if it comes back to us
        continue;
      }
      List<VipAddress> placed = sorted.stream().filter(v -> placement.ownerOf(v).isPresent()).toList();
      PlacementDecision first = placement.decisions().get(sorted.get(0));
      // Not the reason: a VIP that stays put turns from ASSIGNED_* into KEPT_STICKY, which is no news.
      String key = placed + "@" + host.map(NodeId::name).orElse("");
      if (key.equals(lastReported.get(s.service()))) {
        continue;
      }
      lastReported.put(s.service(), key);
      status.updateLoadBalancer(s.service(), placed, host);
      status.setCondition(s.service(), new ServiceCondition(CONDITION, host.isPresent(),
          camel(first.reason().name()), message(sorted, placement)));
      status.recordEvent(s.service(), host.isPresent()
          ? ServiceEvent.normal("VipAnnounced", message(sorted, placement))
          : ServiceEvent.warning("VipNotAnnounced", message(sorted, placement)));
    }
  }

  private static String message(List<VipAddress> vips, Placement placement) {
    Map<VipAddress, String> parts = new TreeMap<>();
    for (VipAddress vip : vips) {
      PlacementDecision d = placement.decisions().get(vip);
      parts.put(vip, vip.hostText() + " " + d.owner().map(n -> "on " + n).orElse("unplaced") + " (" + d.reason() + ")");
    }
    return String.join(", ", parts.values());
  }

  // KEPT_STICKY -> KeptSticky: Kubernetes reasons are CamelCase.
  private static String camel(String constant) {
    StringBuilder sb = new StringBuilder();
    for (String part : constant.split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
