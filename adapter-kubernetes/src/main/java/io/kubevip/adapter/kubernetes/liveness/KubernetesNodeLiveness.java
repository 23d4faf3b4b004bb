// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.liveness;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLivenessPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NodeLivenessPort} on Kubernetes Leases: this node keeps {@code <namespace>/kubevip-node-<name>} renewed (one
 * write per retry period, no read in between unless a write failed) and one informer with the label selector
 * {@code kubevip.io/liveness=true} shows every peer's Lease. Peers expire by observation on this node's clock (see
 * {@link LivenessBook}); this node fences itself when its last successful renewal is older than the renew deadline.
 *
 * <p>Threading: one daemon scheduler thread renews and re-evaluates expiry every retry period; informer events
 * arrive on fabric8's thread. The listener is called on either, serially (under this object's lock), and only when the
 * live set or self-validity changed.
 */
public final class KubernetesNodeLiveness implements NodeLivenessPort {
  /** Label on every liveness Lease; the informer selects on it. */
  public static final String LIVENESS_LABEL = "kubevip.io/liveness";
  /** Label naming the node a liveness Lease belongs to. */
  public static final String NODE_LABEL = "kubevip.io/node";
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesNodeLiveness.class);
  private static final String PREFIX = "kubevip-node-";

  private final KubernetesClient client;
  private final String namespace;
  private final NodeId self;
  private final LeaseTiming timing;
  private final Clock clock;
  private final LivenessBook book = new LivenessBook();
  private ScheduledExecutorService scheduler;
  private SharedIndexInformer<Lease> informer;
  private Listener listener;
  private Lease written;
  private Instant lastRenewal;
  private boolean released;
  private Set<NodeId> lastLive = Set.of();
  private boolean lastValid;

  /**
   * @param namespace {@code cp_namespace}, where the liveness Leases live
   * @param timing {@code vip_leaseduration}, {@code vip_renewdeadline}, {@code vip_retryperiod}
   */
  public KubernetesNodeLiveness(KubernetesClient client, String namespace, NodeId self, LeaseTiming timing) {
    this(client, namespace, self, timing, Clock.systemUTC());
  }

  KubernetesNodeLiveness(KubernetesClient client, String namespace, NodeId self, LeaseTiming timing, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.self = Objects.requireNonNull(self, "self");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The Lease name of {@code node}'s liveness. */
  public static String leaseName(NodeId node) {
    return PREFIX + node.name();
  }

  @Override
  public synchronized void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (this.listener != null) {
      throw new IllegalStateException("liveness of " + self + " already started");
    }
    this.listener = listener;
    released = false;
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kubevip-liveness");
      t.setDaemon(true);
      return t;
    });
    long period = timing.retryPeriod().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    informer = client.leases().inNamespace(namespace).withLabel(LIVENESS_LABEL, "true").inform(new Handler(), 0);
  }

  @Override
  public synchronized Set<NodeId> liveNodes() {
    Set<NodeId> live = new TreeSet<>(book.live(clock.instant()));
    live.remove(self);
    if (selfValid()) {
      live.add(self);
    }
    return live;
  }

  @Override
  public synchronized boolean selfValid() {
    return listener != null && !released && lastRenewal != null
        && clock.instant().isBefore(lastRenewal.plus(timing.renewDeadline()));
  }

  @Override
  public void release() {
    ScheduledExecutorService s;
    SharedIndexInformer<Lease> i;
    synchronized (this) {
      if (listener == null) {
        return;
      }
      released = true;
      s = scheduler;
      i = informer;
    }
    s.shutdownNow();
    i.close();
    try {
      Lease current = client.leases().inNamespace(namespace).withName(leaseName(self)).get();
      if (current != null) {
        current.getSpec().setHolderIdentity("");
        client.leases().inNamespace(namespace).resource(current).update();
      }
    } catch (KubernetesClientException e) {
      LOG.warn("giving up liveness Lease {}/{} failed (peers will wait for it to expire): HTTP {} {}", namespace,
          leaseName(self), e.getCode(), e.getMessage());
    }
    synchronized (this) {
      listener = null;
      written = null;
      lastRenewal = null;
      lastLive = Set.of();
      lastValid = false;
    }
  }

  private void tick() {
    try {
      renew();
    } catch (RuntimeException e) {
      LOG.warn("renewing liveness Lease {}/{} failed: {}", namespace, leaseName(self), e.getMessage());
      synchronized (this) {
        written = null; // re-read before the next attempt
      }
    }
    evaluate();
  }

  private void renew() {
    Instant attempt = clock.instant();
    Lease base;
    synchronized (this) {
      if (released) {
        return;
      }
      base = written;
    }
    if (base == null) {
      base = client.leases().inNamespace(namespace).withName(leaseName(self)).get();
    }
    Lease desired = desired(base, attempt);
    Lease result = base == null ? client.leases().inNamespace(namespace).resource(desired).create()
        : client.leases().inNamespace(namespace).resource(desired).update();
    synchronized (this) {
      if (!released) {
        written = result;
        lastRenewal = attempt; // counted from before the request: the conservative end
      }
    }
  }

  private Lease desired(Lease base, Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    int seconds = (int) Math.max(1, (timing.leaseDuration().toMillis() + 999) / 1000);
    LeaseBuilder b = base == null ? new LeaseBuilder().withNewMetadata().withNamespace(namespace)
        .withName(leaseName(self)).endMetadata().withNewSpec().withAcquireTime(t).withLeaseTransitions(0).endSpec()
        : new LeaseBuilder(base);
    return b.editMetadata().addToLabels(Map.of(LIVENESS_LABEL, "true", NODE_LABEL, self.name())).endMetadata()
        .editSpec().withHolderIdentity(self.name()).withRenewTime(t).withLeaseDurationSeconds(seconds).endSpec()
        .build();
  }

  private void evaluate() {
    synchronized (this) {
      if (listener == null) {
        return;
      }
      Set<NodeId> live = liveNodes();
      boolean valid = selfValid();
      if (live.equals(lastLive) && valid == lastValid) {
        return;
      }
      lastLive = Set.copyOf(live);
      lastValid = valid;
      try {
        listener.livenessChanged(lastLive, valid);
      } catch (RuntimeException e) {
        LOG.warn("liveness listener failed: {}", e.toString());
      }
    }
  }

  private Optional<NodeId> nodeOf(Lease lease) {
    Map<String, String> labels = lease.getMetadata().getLabels();
    String name = labels == null ? null : labels.get(NODE_LABEL);
    if (name == null && lease.getMetadata().getName() != null && lease.getMetadata().getName().startsWith(PREFIX)) {
      name = lease.getMetadata().getName().substring(PREFIX.length());
    }
    try {
      return Optional.ofNullable(name).map(NodeId::of);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void observed(Lease lease, boolean deleted) {
    Optional<NodeId> node = nodeOf(lease);
    if (node.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (deleted) {
        book.forget(node.get());
      } else {
        var spec = lease.getSpec();
        Integer secs = spec == null ? null : spec.getLeaseDurationSeconds();
        book.observe(node.get(), spec == null ? "" : spec.getHolderIdentity(),
            spec == null || spec.getRenewTime() == null ? "" : spec.getRenewTime().toString(),
            Duration.ofSeconds(secs == null ? timing.leaseDuration().toSeconds() : secs), clock.instant());
      }
    }
    evaluate();
  }

  private final class Handler implements ResourceEventHandler<Lease> {
    @Override
    public void onAdd(Lease obj) {
      observed(obj, false);
    }

    @Override
    public void onUpdate(Lease oldObj, Lease newObj) {
      observed(newObj, false);
    }

    @Override
    public void onDelete(Lease obj, boolean deletedFinalStateUnknown) {
      observed(obj, true);
    }
  }
}
