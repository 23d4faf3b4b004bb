// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.plan.VipState;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link ServicesController} writes to the API when every eligible node announces
 * ({@link ServiceAnnouncement#EVERY_ELIGIBLE_NODE}). With N nodes announcing one VIP, N writers of one field would
 * fight (and cost N reads per pass), so the work is split:
 * <ul>
 *   <li>the {@code svc_leasename} holder alone writes {@code status.loadBalancer.ingress}, clears
 *       {@code kube-vip.io/vipHost} (there is no single host) and sets the {@code kube-vip.io/Announced} condition:
 *       True while at least one eligible node (with a ready endpoint, for Local) announces it. It writes a Service
 *       only when that differs from what it wrote last; a new holder writes each Service once (the adapter reads
 *       and compares, so an unchanged Service costs one read and no patch);
 *   <li>every node records its own {@code VipAnnounced} / {@code VipWithdrawn} Events, only when it starts or stops
 *       serving a VIP: Events, not fields, so nodes never overwrite each other.
 * </ul>
 * Not thread-safe: called by the controller under its lock.
 */
final class SharedVipReport {
  private record Shown(List<VipAddress> ingress, boolean announced, Instant at) {
    boolean same(Shown o) {
      return o != null && ingress.equals(o.ingress) && announced == o.announced;
    }
  }

  private final NodeId self;
  private final ServiceStatusPort status;
  private final Clock clock;
  /** What this holder wrote, by Service key; cleared when it stops holding {@code svc_leasename}. */
  private final Map<String, Shown> shown = new HashMap<>();
  /** Anchors this node serves (both addressed and announced) → their Services, as of the last pass. */
  private Map<VipAddress, Map<ServiceRef, List<VipAddress>>> serving = Map.of();

  SharedVipReport(NodeId self, ServiceStatusPort status, Clock clock) {
    this.self = self;
    this.status = status;
    this.clock = clock;
  }

  /** Nodes that announce {@code u}: every eligible one, narrowed to those with a ready endpoint for Local. */
  static Set<NodeId> announcers(VipUnit u, Set<NodeId> eligible) {
    Set<NodeId> out = new HashSet<>(eligible);
    if (u.restriction != null) {
      out.retainAll(u.restriction);
    }
    return out;
  }

  void report(ClusterState state, Collection<VipUnit> units, Set<NodeId> eligible, VipState after, boolean holder,
      List<String> problems) {
    events(units, after, problems);
    if (!holder) {
      shown.clear();
      return;
    }
    Instant now = clock.instant();
    Set<String> present = new HashSet<>();
    for (VipUnit u : units) {
      boolean announced = !announcers(u, eligible).isEmpty();
      String message = announced ? "announced from every eligible node" + (u.restriction == null ? ""
          : " with a ready endpoint") : "no eligible node" + (u.restriction == null ? "" : " with a ready endpoint");
      for (Map.Entry<ServiceRef, List<VipAddress>> e : u.services.entrySet()) {
        ServiceRef ref = e.getKey();
        present.add(ref.key());
        Shown want = new Shown(List.copyOf(e.getValue()), announced, now);
        Shown before = shown.get(ref.key());
        // A vipHost still shown (left by one-owner mode, or our clear not echoed yet) is cleared again after a while.
        boolean hostLeft = state.host(ref).isPresent()
            && (before == null || !now.isBefore(before.at().plus(ServicesController.WRITE_ECHO_TIMEOUT)));
        if (want.same(before) && !hostLeft) {
          continue;
        }
        try {
          status.reportAnnouncement(ref, want.ingress(), Optional.empty(),
              new ServiceCondition(ServicesController.CONDITION, announced, announced ? "Announced" : "Withdrawn",
                  message));
          shown.put(ref.key(), want);
        } catch (PortException ex) {
          problems.add("recording status on " + ref + " failed: " + ex.getMessage());
        }
      }
    }
    shown.keySet().retainAll(present);
  }

  /** SIGTERM: a {@code VipWithdrawn} Event for every VIP this node was serving. */
  void shutdown(List<String> problems) {
    serving.forEach((anchor, services) -> services.forEach((ref, vips) ->
        event(ref, ServiceEvent.normal("VipWithdrawn", "withdrew " + text(vips) + " from " + self
            + " (shutting down)"), problems)));
    serving = Map.of();
  }

  private void events(Collection<VipUnit> units, VipState after, List<String> problems) {
    Map<VipAddress, Map<ServiceRef, List<VipAddress>>> now = new TreeMap<>();
    for (VipUnit u : units) {
      boolean served = u.vips.stream().allMatch(v -> after.announced().contains(new VipBinding(v, u.iface))
          && after.addressed().contains(new VipBinding(v, u.iface)));
      if (!served) {
        continue;
      }
      now.put(u.anchor, new HashMap<>(u.services));
      Set<ServiceRef> before = serving.getOrDefault(u.anchor, Map.of()).keySet();
      u.services.forEach((ref, vips) -> {
        if (!before.contains(ref)) {
          event(ref, ServiceEvent.normal("VipAnnounced", "announcing " + text(u.vips) + " from " + self + " on "
              + u.iface + " (every eligible node announces)"), problems);
        }
      });
    }
    Map<ServiceRef, Boolean> existing = new HashMap<>();
    units.forEach(u -> u.services.keySet().forEach(r -> existing.put(r, true)));
    serving.forEach((anchor, services) -> services.forEach((ref, vips) -> {
      boolean still = now.getOrDefault(anchor, Map.of()).containsKey(ref);
      if (!still && existing.containsKey(ref)) { // a deleted Service gets no Event
        event(ref, ServiceEvent.normal("VipWithdrawn", "withdrew " + text(vips) + " from " + self
            + " (no longer eligible)"), problems);
      }
    }));
    serving = now;
  }

  private void event(ServiceRef ref, ServiceEvent event, List<String> problems) {
    try {
      status.recordEvent(ref, event);
    } catch (PortException e) {
      problems.add("recording Event " + event.reason() + " on " + ref + " failed: " + e.getMessage());
    }
  }

  private static String text(Collection<VipAddress> vips) {
    return vips.stream().map(VipAddress::hostText).collect(Collectors.joining(", "));
  }

  int serving() {
    return serving.size();
  }
}
