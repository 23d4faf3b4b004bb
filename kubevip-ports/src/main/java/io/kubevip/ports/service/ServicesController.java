// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.placement.Placement;
import io.kubevip.domain.placement.PlacementRequest;
import io.kubevip.domain.placement.RendezvousPlacement;
import io.kubevip.domain.plan.Action;
import io.kubevip.domain.plan.AnnouncementPlan;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.plan.VipState;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.in.ActionFailure;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.NodeLivenessPort;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides which Service VIPs this node serves and makes it so; pure orchestration over ports, run by the caller after
 * cluster or liveness changes (debounced) and periodically. Every node computes the same owners from the same
 * picture: the Services (via {@link ClusterModel}), Ready nodes without
 * {@code node.kubernetes.io/exclude-from-external-load-balancers} whose liveness Lease is valid, and the
 * {@code svc_leasename} holder.
 *
 * <p>Who owns a unit of VIPs (see {@link VipUnit}): with {@code svc_election} the domain placement among eligible
 * nodes (sticky to the recorded {@code vipHost}, bounded load); without it the {@code svc_leasename} holder owns every
 * Cluster-policy unit. In both modes externalTrafficPolicy Local units are placed among eligible nodes with a ready
 * endpoint in any slice, and withdrawn when there is none (unless {@code allow-reconcile-without-endpoints}).
 *
 * <p><b>Every eligible node</b> ({@link ServiceAnnouncement#EVERY_ELIGIBLE_NODE}, routed modes): there is no owner.
 * This node serves every unit while it is eligible itself (and, for Local, has a ready endpoint), with no hand-over
 * wait, and withdraws when it stops being eligible or is fenced; the router spreads the traffic (ECMP). Status is
 * written as {@link SharedVipReport} describes. The rest of this comment is about the one-owner mode.
 *
 * <p><b>Break-before-make.</b> The Service's {@code kube-vip.io/vipHost} annotation is the hand-over token. An owner
 * writes it (with its name) only after it has announced; a node that stops owning a unit first withdraws it and only
 * then clears the annotation (or it is overwritten by the next owner). A new owner announces only when the annotation
 * is empty, names itself, or names a node whose liveness Lease has expired as seen here. So two live nodes never
 * announce one VIP at once: the old one has recorded its withdrawal, or it is dead or fenced (a node whose own Lease
 * renewals fail past the renew deadline withdraws everything, before its peers can see the Lease expire).
 *
 * <p>Nothing is done before the watch's initial listing is complete ({@link ClusterState#synced()}).
 *
 * <p>Clean-up: every pass plans from the addresses carrying our tag ({@code VipAddressPort.listOurs}) on the interfaces
 * in use, so addresses left by a crashed run or a deleted Service are removed; the control-plane VIP is left alone.
 * Status writes are idempotent and made only when the cluster does not already show them. Not thread-safe: calls are
 * serialised (synchronized).
 */
public final class ServicesController {
  static final String USE_CASE = "services";
  static final String CONDITION = "kube-vip.io/Announced";
  /** How long {@link #shutdown()} waits for its queued Events to be written. */
  static final Duration SHUTDOWN_EVENT_WAIT = Duration.ofSeconds(2);
  static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";

  private final ServicesSettings settings;
  private final ClusterModel model;
  private final NodeLivenessPort liveness;
  private final PlanExecutor executor;
  private final ServiceStatusPort status;
  private final MetricsPort metrics;
  private final Clock clock;
  private final RendezvousPlacement placer = new RendezvousPlacement();
  private final ServiceInterfaces interfaces;
  /** How long a vipHost write is trusted to show up in the watch before it is written again. */
  static final Duration WRITE_ECHO_TIMEOUT = Duration.ofSeconds(5);

  private record Written(Optional<NodeId> host, Instant at) {}

  private final Map<String, Written> written = new HashMap<>();
  private Optional<NodeId> leaseHolder = Optional.empty();
  private Map<VipAddress, NodeId> lastOwners = Map.of();
  /** The vipHost each unit had at the last pass, to notice a hand-over (recorded then, cleared now). */
  private Map<VipAddress, NodeId> lastRecorded = Map.of();
  /** Units whose recorded owner withdrew for a new one: the target this node computed, and since when. */
  private final Map<VipAddress, HandOver> handOvers = new HashMap<>();

  private record HandOver(NodeId target, Instant since) {}

  /**
   * How long a hand-over target is remembered while nobody has recorded the unit; after that the unit is placed afresh
   * like a new one, so nodes that disagreed about the target converge.
   */
  static final Duration HAND_OVER_MEMORY = Duration.ofSeconds(30);
  private Set<VipAddress> waiting = Set.of();
  private final SharedVipReport shared;

  public ServicesController(ServicesSettings settings, ClusterModel model, NodeLivenessPort liveness,
      PlanExecutor executor, ServiceStatusPort status, MetricsPort metrics, Clock clock) {
    this(settings, model, liveness, executor, status, metrics, clock, InterfaceSubnetsPort.NONE);
  }

  /** With the node's interface subnets, for {@code auto} interfaces (without them {@code auto} falls back). */
  public ServicesController(ServicesSettings settings, ClusterModel model, NodeLivenessPort liveness,
      PlanExecutor executor, ServiceStatusPort status, MetricsPort metrics, Clock clock, InterfaceSubnetsPort subnets) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.model = Objects.requireNonNull(model, "model");
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.status = Objects.requireNonNull(status, "status");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interfaces = new ServiceInterfaces(subnets, settings.vipInterface(),
        settings.servicesInterface().map(InterfaceName::name));
    shared = new SharedVipReport(settings.self(), status, clock);
  }

  /** Who holds {@code svc_leasename} now (from {@code LeadershipCallbacks.onNewLeader}); empty when nobody. */
  public synchronized void serviceLeaseHolder(Optional<NodeId> holder) {
    leaseHolder = holder == null ? Optional.empty() : holder;
  }

  /** Unit anchor VIP → owner, as computed by the last pass (for logs and tests). */
  public synchronized Map<VipAddress, NodeId> lastOwners() {
    return lastOwners;
  }

  /** Anchors this node should own but does not announce yet, waiting for the previous owner (break-before-make). */
  public synchronized Set<VipAddress> waiting() {
    return waiting;
  }

  /** One pass: compute owners, serve this node's share, clean up, record what changed. */
  public synchronized ServicesPass reconcile() {
    Instant start = clock.instant();
    ClusterState state = model.snapshot();
    if (!state.synced()) {
      // Half a listing is not the cluster: planning from it could remove what the rest of the listing wants kept.
      return new ServicesPass(List.of(), List.of(), List.of(), Map.of(), Set.of(), false, Optional.empty());
    }
    boolean fenced = !liveness.selfValid();
    Set<NodeId> live = liveness.liveNodes();
    Set<NodeId> eligible = new HashSet<>();
    for (NodeInfo n : state.nodes().values()) {
      if (n.ready() && !n.labels().containsKey(EXCLUDE_LABEL) && live.contains(n.id())) {
        eligible.add(n.id());
      }
    }
    Map<VipAddress, VipUnit> units = VipUnit.group(state, model.claims(state),
        settings.controlPlaneVips(), interfaces);
    Map<VipAddress, NodeId> recorded = recordedOwners(state, units);
    trackHandOvers(units, recorded, start);
    Optional<Placement> placement = Optional.empty();
    Map<VipAddress, NodeId> owners = new HashMap<>();
    if (settings.everyEligibleNode()) {
      // no owners: every eligible node serves
    } else if (settings.serviceElection()) {
      Placement p = place(units, eligible, recorded, false);
      placement = Optional.of(p);
      owners.putAll(p.owners());
    } else {
      leaseHolder.ifPresent(h -> units.values().stream().filter(u -> u.restriction == null)
          .forEach(u -> owners.put(u.anchor, h)));
      Placement p = place(units, eligible, recorded, true);
      placement = Optional.of(p);
      owners.putAll(p.owners());
    }

    Set<VipBinding> desired = new TreeSet<>();
    Set<VipAddress> blocked = new TreeSet<>();
    if (!fenced) {
      for (VipUnit u : units.values()) {
        if (settings.everyEligibleNode()) {
          if (SharedVipReport.announcers(u, eligible).contains(settings.self())) {
            u.vips.forEach(v -> desired.add(new VipBinding(v, u.iface)));
          }
          continue;
        }
        if (!settings.self().equals(owners.get(u.anchor))) {
          continue;
        }
        NodeId before = recorded.get(u.anchor);
        if (before != null && !before.equals(settings.self()) && live.contains(before)) {
          blocked.add(u.anchor); // the previous owner is alive and has not recorded its withdrawal yet
          continue;
        }
        u.vips.forEach(v -> desired.add(new VipBinding(v, u.iface)));
      }
    }

    List<ActionFailure> failures = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Action> executed = new ArrayList<>();
    VipState after = VipState.EMPTY;
    try {
      // every interface: also where a crashed run left an address nothing names now
      VipState before = ours(executor.actualEverywhere());
      executed.addAll(executor.execute(AnnouncementPlan.between(desired, before), failures));
      // Nothing failed: the state is what was read plus what was done (one dump per pass, not two; an address
      // removed behind our back meanwhile is the link watch's to report). After a failure, read it again.
      after = failures.isEmpty() ? ours(new VipState(before.addressed(), executor.announced()).after(
          executed.stream().filter(a -> !(a instanceof Action.Announce || a instanceof Action.Withdraw)).toList()))
          : ours(executor.actualEverywhere());
    } catch (PortException e) {
      problems.add("listing our addresses failed: " + e.getMessage());
    }
    if (!fenced && settings.everyEligibleNode()) {
      shared.report(state, units.values(), eligible, after, leaseHolder.filter(settings.self()::equals).isPresent(),
          problems);
    } else if (!fenced) {
      report(state, units, owners, blocked, after, problems);
    }
    lastOwners = Map.copyOf(owners);
    lastRecorded = Map.copyOf(recorded);
    waiting = Set.copyOf(blocked);
    placement.ifPresent(p -> p.decisions().values().forEach(d -> metrics.placementDecided(d.reason())));
    boolean ok = failures.isEmpty() && problems.isEmpty();
    metrics.activeServices(after.announced().size());
    metrics.reconcileCompleted(USE_CASE, Duration.between(start, clock.instant()), ok);
    return new ServicesPass(executed, failures, problems, owners, blocked, fenced, placement);
  }

  /**
   * SIGTERM: withdraw every Service VIP, record the withdrawals ({@code vipHost} cleared) and give the liveness Lease
   * up, so the VIPs move at once instead of after the Lease expires.
   */
  public synchronized ServicesPass shutdown() {
    List<ActionFailure> failures = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Action> executed = new ArrayList<>();
    try {
      executed.addAll(executor.execute(AnnouncementPlan.between(Set.of(), ours(executor.actualEverywhere())), failures));
    } catch (PortException e) {
      problems.add("listing our addresses failed: " + e.getMessage());
    }
    if (settings.everyEligibleNode()) {
      shared.shutdown(problems);
    }
    ClusterState state = model.snapshot();
    state.hosts().forEach((key, host) -> {
      ServiceIntent s = state.services().get(key);
      if (s != null && host.equals(settings.self())) {
        write(s.service(), addressesOf(s), Optional.empty(), problems, ServiceEvent.normal("VipWithdrawn",
            "withdrew from " + settings.self() + " (shutting down)"));
      }
    });
    liveness.release();
    status.awaitEventsWritten(SHUTDOWN_EVENT_WAIT); // the VipWithdrawn Events are queued, the process is about to end
    return new ServicesPass(executed, failures, problems, Map.of(), Set.of(), false, Optional.empty());
  }

  private Placement place(Map<VipAddress, VipUnit> units, Set<NodeId> eligible, Map<VipAddress, NodeId> recorded,
      boolean restrictedOnly) {
    Set<VipAddress> anchors = new TreeSet<>();
    Map<VipAddress, Set<NodeId>> restricted = new HashMap<>();
    for (VipUnit u : units.values()) {
      if (restrictedOnly && u.restriction == null) {
        continue;
      }
      anchors.add(u.anchor);
      if (u.restriction != null) {
        restricted.put(u.anchor, u.restriction);
      }
    }
    // Sticky to the recorded vipHost; while none is recorded because the old owner cleared it during a hand-over, to
    // the target this node computed then, so the hand-over does not re-open the choice and bounce back. A unit nobody
    // has recorded yet is placed afresh every pass: a per-node memory of it would keep nodes that placed it at
    // different points of a burst disagreeing forever, each leaving it to another.
    Map<VipAddress, NodeId> current = new HashMap<>();
    handOvers.forEach((anchor, h) -> current.put(anchor, h.target()));
    current.putAll(recorded);
    current.keySet().retainAll(anchors);
    return placer.place(new PlacementRequest(anchors, eligible, current, restricted));
  }

  private void trackHandOvers(Map<VipAddress, VipUnit> units, Map<VipAddress, NodeId> recorded, Instant now) {
    handOvers.keySet().removeIf(a -> !units.containsKey(a) || recorded.containsKey(a));
    handOvers.values().removeIf(h -> !now.isBefore(h.since().plus(HAND_OVER_MEMORY)));
    lastRecorded.forEach((anchor, before) -> {
      NodeId target = lastOwners.get(anchor);
      if (units.containsKey(anchor) && !recorded.containsKey(anchor) && target != null && !target.equals(before)) {
        handOvers.putIfAbsent(anchor, new HandOver(target, now));
      }
    });
  }

  // The vipHost of the unit's Services: the first one recorded, in Service order.
  private static Map<VipAddress, NodeId> recordedOwners(ClusterState state, Map<VipAddress, VipUnit> units) {
    Map<VipAddress, NodeId> recorded = new HashMap<>();
    for (VipUnit u : units.values()) {
      for (ServiceRef ref : u.services.keySet()) {
        Optional<NodeId> host = state.host(ref);
        if (host.isPresent()) {
          recorded.putIfAbsent(u.anchor, host.get());
        }
      }
    }
    return recorded;
  }

  // Our state minus the control-plane VIPs, which this use case must neither serve nor clean up.
  private VipState ours(VipState actual) {
    if (settings.controlPlaneVips().isEmpty()) {
      return actual;
    }
    Set<VipAddress> cp = Set.copyOf(settings.controlPlaneVips());
    return new VipState(actual.addressed().stream().filter(b -> !cp.contains(b.vip())).collect(Collectors.toSet()),
        actual.announced().stream().filter(b -> !cp.contains(b.vip())).collect(Collectors.toSet()));
  }

  private void report(ClusterState state, Map<VipAddress, VipUnit> units, Map<VipAddress, NodeId> owners,
      Set<VipAddress> blocked, VipState after, List<String> failures) {
    Instant now = clock.instant();
    written.entrySet().removeIf(e -> state.services().get(e.getKey()) == null
        || Optional.ofNullable(state.hosts().get(e.getKey())).equals(e.getValue().host())
        || !now.isBefore(e.getValue().at().plus(WRITE_ECHO_TIMEOUT))
            && !status.reportPending(state.services().get(e.getKey()).service()));
    Set<ServiceRef> inUnits = new HashSet<>();
    NodeId self = settings.self();
    Set<VipAddress> servedAnywhere = new HashSet<>(); // on any interface: one set, not a scan per unit
    after.addressed().forEach(b -> servedAnywhere.add(b.vip()));
    after.announced().forEach(b -> servedAnywhere.add(b.vip()));
    for (VipUnit u : units.values()) {
      boolean serving = u.vips.stream().allMatch(v -> after.announced().contains(new VipBinding(v, u.iface))
          && after.addressed().contains(new VipBinding(v, u.iface)));
      boolean mine = self.equals(owners.get(u.anchor)) && !blocked.contains(u.anchor);
      boolean anyServed = u.vips.stream().anyMatch(servedAnywhere::contains);
      for (Map.Entry<ServiceRef, List<VipAddress>> e : u.services.entrySet()) {
        ServiceRef ref = e.getKey();
        inUnits.add(ref);
        Optional<NodeId> host = state.host(ref);
        if (mine && serving && !host.equals(Optional.of(self))) {
          String where = u.vips.stream().map(VipAddress::hostText).collect(Collectors.joining(", ")) + " from " + self
              + " on " + u.iface + u.ifaceNote.map(n -> " (" + n + ")").orElse("");
          write(ref, e.getValue(), Optional.of(self), failures, ServiceEvent.normal("VipAnnounced", "announcing " + where));
        } else if (!mine && !anyServed && host.equals(Optional.of(self))) {
          String why = owners.containsKey(u.anchor) ? "moving to " + owners.get(u.anchor) : "no eligible node";
          write(ref, e.getValue(), Optional.empty(), failures, ServiceEvent.normal("VipWithdrawn",
              "withdrew " + u.vips.stream().map(VipAddress::hostText).collect(Collectors.joining(", ")) + " from "
                  + self + " (" + why + ")"));
        }
      }
    }
    // Services we recorded as hosting that no longer have a unit (refused, ignored, addresses removed).
    for (Map.Entry<String, NodeId> e : state.hosts().entrySet()) {
      ServiceIntent s = state.services().get(e.getKey());
      if (s != null && e.getValue().equals(self) && !inUnits.contains(s.service())) {
        write(s.service(), addressesOf(s), Optional.empty(), failures, null);
      }
    }
  }

  // The addresses the Service names, kept in status when only the host changes: status may be where they come from.
  private static List<VipAddress> addressesOf(ServiceIntent s) {
    List<VipAddress> out = new ArrayList<>();
    for (String text : s.requestedAddresses()) {
      try {
        out.add(VipAddress.parseAllowingDhcp(text));
      } catch (IllegalArgumentException e) {
        // reported by the allocator; nothing to keep
      }
    }
    return out;
  }

  private void write(ServiceRef ref, List<VipAddress> vips, Optional<NodeId> host, List<String> failures,
      ServiceEvent event) {
    Written before = written.get(ref.key());
    if (before != null && before.host().equals(host)) {
      return; // written already, the watch has not shown it yet
    }
    try {
      status.reportAnnouncement(ref, vips, host, new ServiceCondition(CONDITION, host.isPresent(),
          host.isPresent() ? "Announced" : "Withdrawn", event == null ? "" : event.message()));
      if (event != null) {
        status.recordEvent(ref, event);
      }
      written.put(ref.key(), new Written(host, clock.instant()));
    } catch (PortException e) {
      failures.add("recording vipHost on " + ref + " failed: " + e.getMessage());
    }
  }
}
