// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.pool.AddressInUse;
import io.kubevip.domain.pool.Allocated;
import io.kubevip.domain.pool.AllocationFailed;
import io.kubevip.domain.pool.AllocationRequest;
import io.kubevip.domain.pool.AllocationResult;
import io.kubevip.domain.pool.AllocationSession;
import io.kubevip.domain.pool.Pool;
import io.kubevip.domain.pool.PoolProblem;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * kube-vip-cloud-provider's job built in: gives every Service that names no address one from the {@code kubevip}
 * ConfigMap pools and writes it to the Service ({@link ServiceStatusPort#recordAllocation}). The Services are the only
 * state: addresses in use are rebuilt from them on every pass, so a deleted Service frees its address by being gone.
 *
 * <p>Only the holder of {@code svc_leasename} may run passes; the caller decides, and tells this class when the lease
 * is gained ({@link #leadershipGained()}) and lost. Two guards keep two allocators from handing out one address:
 * <ul>
 *   <li>an allocation written but not yet seen back through the watch is remembered ("pending") and counted as in
 *       use, so the next pass does not hand the address out again;
 *   <li>after gaining the lease, nothing is allocated for {@code settle} (default: the lease's retry period), so the
 *       watch can deliver the previous holder's last writes first. The previous holder stopped writing before its
 *       lease could be taken over (fencing), so its writes are at least {@code leaseDuration - renewDeadline} old.
 * </ul>
 *
 * <p>Events (deduplicated per Service while the reason stays the same): {@code AllocationFailed} (pool exhausted, no
 * pool, requested address taken or clashing), {@code AddressOutsidePools} (allowed, as kube-vip does) and
 * {@code PoolConfigProblem} (a malformed entry of the key the Service allocates from, naming key and entry). Not
 * thread-safe: calls are serialised by the caller.
 *
 * <p>A pass writes at most {@code maxPerPass} allocations (default {@value #DEFAULT_MAX_PER_PASS}), all chosen first
 * and then written together (see the {@code writers} constructor argument), and waits for them: a burst of thousands
 * of new Services would otherwise delay announcing the first ones until all are allocated. The rest wait for the next
 * pass, which the watch echo of these writes triggers.
 */
public final class ServiceAddressAllocator {
  public static final int DEFAULT_MAX_PER_PASS = 100;
  private final ServiceStatusPort status;
  private final boolean enabled;
  private final int maxPerPass;
  private final Executor writers;
  private final Duration settle;
  private final Clock clock;
  private final Map<ServiceRef, List<VipAddress>> pending = new HashMap<>();
  private final Map<ServiceRef, String> noticed = new HashMap<>();
  private Instant settledAt = Instant.MIN;
  /** Volatile so {@link #leading()} (readiness, logs) answers while a pass holds the lock through its API writes. */
  private volatile boolean leading;

  /**
   * @param enabled false for clusters that keep running kube-vip-cloud-provider: passes then do nothing
   * @param settle how long to wait after gaining the lease before allocating
   */
  public ServiceAddressAllocator(ServiceStatusPort status, boolean enabled, Duration settle, Clock clock) {
    this(status, enabled, settle, clock, DEFAULT_MAX_PER_PASS);
  }

  /** @param maxPerPass allocations written per pass at most; the rest wait for the next pass */
  public ServiceAddressAllocator(ServiceStatusPort status, boolean enabled, Duration settle, Clock clock,
      int maxPerPass) {
    this(status, enabled, settle, clock, maxPerPass, Runnable::run);
  }

  /**
   * @param writers runs the allocation writes of a pass (e.g. a small pool, so they go out together); the pass waits
   *     for all of them. {@code Runnable::run} writes one after the other on the caller's thread.
   */
  public ServiceAddressAllocator(ServiceStatusPort status, boolean enabled, Duration settle, Clock clock,
      int maxPerPass, Executor writers) {
    this.writers = Objects.requireNonNull(writers, "writers");
    if (maxPerPass < 1) {
      throw new IllegalArgumentException("maxPerPass must be at least 1, got " + maxPerPass);
    }
    this.maxPerPass = maxPerPass;
    this.status = Objects.requireNonNull(status, "status");
    this.enabled = enabled;
    this.settle = Objects.requireNonNull(settle, "settle");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** This node now holds {@code svc_leasename}: allocate after the settle time. */
  public synchronized void leadershipGained() {
    leading = true;
    settledAt = clock.instant().plus(settle);
  }

  /** This node lost {@code svc_leasename}: stop at once and forget what is in flight. */
  public synchronized void leadershipLost() {
    leading = false;
    pending.clear();
    noticed.clear();
  }

  public boolean leading() {
    return leading;
  }

  /** One pass over {@code state}; does nothing unless enabled, leading, synced and settled. */
  public AllocationPass reconcile(ClusterState state) {
    return reconcile(state, null);
  }

  /**
   * As {@link #reconcile(ClusterState)}, with the verdicts on {@code state} already judged ({@link ClusterModel#claims});
   * null: judge them here.
   */
  public synchronized AllocationPass reconcile(ClusterState state, Map<ServiceRef, AddressClaim> claims) {
    if (!enabled) {
      return AllocationPass.skipped("disabled");
    }
    if (!leading) {
      return AllocationPass.skipped("not holding svc_leasename");
    }
    if (!state.synced()) {
      return AllocationPass.skipped("watch not synced");
    }
    if (clock.instant().isBefore(settledAt)) {
      return AllocationPass.skipped("settling after gaining the lease");
    }
    AddressClaims.Resolution resolution = claims == null ? AddressClaims.resolve(state)
        : new AddressClaims.Resolution(claims, AddressClaims.session(state, claims));
    forgetSettled(state, resolution);
    AllocationSession session = resolution.session();
    pending.forEach((ref, vips) -> vips.forEach(v -> session.recordInUse(
        new AddressInUse(v, ref, Set.copyOf(state.services().get(ref.key()).ports())))));

    Map<ServiceRef, List<VipAddress>> allocated = new LinkedHashMap<>();
    Map<ServiceRef, String> failed = new LinkedHashMap<>();
    List<Planned> planned = new ArrayList<>();
    int deferred = 0;
    for (Map.Entry<ServiceRef, AddressClaim> e : resolution.claims().entrySet()) {
      ServiceRef ref = e.getKey();
      AddressClaim claim = e.getValue();
      if (claim instanceof AddressClaim.Refused r) {
        failed.put(ref, r.reason());
        notice(ref, claimNotice(claim).orElseThrow());
      } else if (claim instanceof AddressClaim.Usable) {
        claimNotice(claim).ifPresentOrElse(event -> notice(ref, event), () -> noticed.remove(ref));
      } else if (!pending.containsKey(ref)) {
        if (planned.size() >= maxPerPass) {
          deferred++;
        } else {
          plan(state.services().get(ref.key()), state, session, failed).ifPresent(planned::add);
        }
      }
    }
    write(planned, allocated, failed);
    return new AllocationPass(allocated, failed, "", deferred);
  }

  /**
   * Whether a pass over a picture with these verdicts would have nothing to write: true when this node does not
   * allocate (disabled, not leading); else false while settling in after gaining the lease, for a Service without an
   * address that no write of this allocator is naming, and for a problem not reported in the form it has now.
   */
  public synchronized boolean idle(Map<ServiceRef, AddressClaim> claims) {
    if (!enabled || !leading) {
      return true;
    }
    if (clock.instant().isBefore(settledAt)) {
      return false;
    }
    for (Map.Entry<ServiceRef, AddressClaim> e : claims.entrySet()) {
      AddressClaim claim = e.getValue();
      if (claim instanceof AddressClaim.Unallocated) {
        if (!pending.containsKey(e.getKey())) {
          return false;
        }
      } else {
        Optional<ServiceEvent> notice = claimNotice(claim);
        if (notice.isPresent() && !noticeKey(notice.get()).equals(noticed.get(e.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** An address chosen for a Service in this pass, not written yet. */
  private record Planned(ServiceRef ref, List<VipAddress> addresses, Optional<Pool> pool, List<PoolProblem> problems) {}

  private Optional<Planned> plan(ServiceIntent s, ClusterState state, AllocationSession session,
      Map<ServiceRef, String> failed) {
    ServiceRef ref = s.service();
    Optional<Pool> pool = state.pools().poolFor(ref.namespace());
    List<PoolProblem> problems = pool.map(p -> state.pools().problems().stream()
        .filter(pr -> pr.key().equals(p.key())).toList()).orElse(List.of());
    AllocationResult result = session.allocate(
        new AllocationRequest(ref, s.ipFamilies(), s.ipFamilyPolicy(), Set.copyOf(s.ports())));
    if (result instanceof AllocationFailed f) {
      String reason = f.reason() + (problems.isEmpty() ? "" : "; the pool has malformed entries: "
          + problems.stream().map(PoolProblem::toString).collect(Collectors.joining("; ")));
      failed.put(ref, reason);
      notice(ref, ServiceEvent.warning("AllocationFailed", reason));
      return Optional.empty();
    }
    return Optional.of(new Planned(ref, ((Allocated) result).addresses(), pool, problems));
  }

  /**
   * Writes the pass's allocations, up to {@code writers} at once: each is a request to the API server, and one after
   * the other they made a burst's announcements wait for the sum of the round trips. An allocation that was not
   * written is not pending: its address is free again for the next pass, which retries.
   */
  private void write(List<Planned> planned, Map<ServiceRef, List<VipAddress>> allocated,
      Map<ServiceRef, String> failed) {
    List<CompletableFuture<Optional<String>>> results = new ArrayList<>();
    for (Planned p : planned) {
      results.add(CompletableFuture.supplyAsync(() -> {
        try {
          status.recordAllocation(p.ref(), p.addresses());
          return Optional.<String>empty();
        } catch (PortException ex) {
          return Optional.of("writing kube-vip.io/loadbalancerIPs failed: " + ex.getMessage());
        }
      }, writers));
    }
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      Optional<String> error = results.get(i).join();
      if (error.isPresent()) {
        failed.put(p.ref(), error.get());
        continue;
      }
      pending.put(p.ref(), p.addresses());
      allocated.put(p.ref(), p.addresses());
      if (p.problems().isEmpty()) {
        noticed.remove(p.ref());
      } else {
        notice(p.ref(), ServiceEvent.warning("PoolConfigProblem", "allocated from " + p.pool().get().key()
            + " but it has malformed entries, which were skipped: "
            + p.problems().stream().map(PoolProblem::toString).collect(Collectors.joining("; "))));
      }
    }
  }

  // A pending allocation is settled once the watch shows the Service naming addresses, or the Service is gone.
  private void forgetSettled(ClusterState state, AddressClaims.Resolution resolution) {
    pending.keySet().removeIf(ref -> {
      ServiceIntent s = state.services().get(ref.key());
      return s == null || !s.service().equals(ref) || !(resolution.claims().get(ref) instanceof AddressClaim.Unallocated);
    });
    noticed.keySet().removeIf(ref -> !resolution.claims().containsKey(ref));
  }

  private void notice(ServiceRef ref, ServiceEvent event) {
    String key = noticeKey(event);
    if (key.equals(noticed.get(ref))) {
      return;
    }
    noticed.put(ref, key);
    if (event.reason().equals("AllocationFailed")) {
      status.recordAllocationFailure(ref, event.message());
    } else {
      status.recordEvent(ref, event);
    }
  }

  /** The Event a judged address claim calls for: a refusal, or addresses accepted with warnings; none otherwise. */
  private static Optional<ServiceEvent> claimNotice(AddressClaim claim) {
    if (claim instanceof AddressClaim.Refused r) {
      return Optional.of(ServiceEvent.warning("AllocationFailed", r.reason()));
    }
    if (claim instanceof AddressClaim.Usable u && !u.warnings().isEmpty()) {
      return Optional.of(ServiceEvent.warning("AddressOutsidePools", String.join("; ", u.warnings())));
    }
    return Optional.empty();
  }

  private static String noticeKey(ServiceEvent event) {
    return event.reason() + ": " + event.message();
  }
}
