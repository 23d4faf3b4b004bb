// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link LeaseStore} on a {@code coordination.k8s.io/v1} Lease through fabric8. */
final class Fabric8LeaseStore implements LeaseStore {
  /** Sub-second lease duration for our own candidates; the spec field keeps whole seconds for everyone else. */
  static final String DURATION_MS_ANNOTATION = "kubevip.io/lease-duration-ms";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  Fabric8LeaseStore(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  private Resource<Lease> lease() {
    return client.leases().inNamespace(namespace).withName(name);
  }

  @Override
  public Optional<LeaseSnapshot> get() {
    return Optional.ofNullable(lease().get()).map(Fabric8LeaseStore::snapshot);
  }

  @Override
  public LeaseSnapshot create(LeaseSnapshot desired) {
    try {
      return snapshot(client.leases().inNamespace(namespace).resource(toLease(desired)).create());
    } catch (KubernetesClientException e) {
      throw conflictOr(e);
    }
  }

  @Override
  public LeaseSnapshot update(LeaseSnapshot desired) {
    try {
      return snapshot(client.leases().inNamespace(namespace).resource(toLease(desired)).update());
    } catch (KubernetesClientException e) {
      throw conflictOr(e);
    }
  }

  @Override
  public AutoCloseable watch(Consumer<Optional<LeaseSnapshot>> onChange) {
    return lease().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Lease resource) {
        onChange.accept(action == Action.DELETED ? Optional.empty() : Optional.of(snapshot(resource)));
      }

      @Override
      public void onClose(WatcherException cause) {
        // fabric8 reconnects on its own; the elector still polls at expiry, so a lost watch only slows takeover.
      }
    });
  }

  @Override
  public void close() {
    // the client belongs to the caller
  }

  private Lease toLease(LeaseSnapshot s) {
    long ms = s.leaseDuration().toMillis();
    return new LeaseBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withResourceVersion(s.resourceVersion())
        .withAnnotations(Map.of(DURATION_MS_ANNOTATION, Long.toString(ms))).endMetadata()
        .withNewSpec()
        .withHolderIdentity(s.holder().orElse(null))
        .withLeaseDurationSeconds((int) Math.max(1, (ms + 999) / 1000))
        .withAcquireTime(micro(s.acquireTime()))
        .withRenewTime(micro(s.renewTime()))
        .withLeaseTransitions(s.transitions())
        .endSpec()
        .build();
  }

  static LeaseSnapshot snapshot(Lease l) {
    var spec = l.getSpec();
    Duration d = Optional.ofNullable(l.getMetadata().getAnnotations()).map(a -> a.get(DURATION_MS_ANNOTATION))
        .flatMap(Fabric8LeaseStore::parseLong).map(Duration::ofMillis)
        .orElse(Duration.ofSeconds(spec.getLeaseDurationSeconds() == null ? 15 : spec.getLeaseDurationSeconds()));
    String holder = spec.getHolderIdentity();
    return new LeaseSnapshot(Optional.ofNullable(holder).filter(h -> !h.isEmpty()), d,
        instant(spec.getAcquireTime()), instant(spec.getRenewTime()),
        spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions(), l.getMetadata().getResourceVersion());
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ZonedDateTime micro(Instant i) {
    return i == null ? null : i.atZone(ZoneOffset.UTC);
  }

  private static Instant instant(ZonedDateTime t) {
    return t == null ? Instant.EPOCH : t.toInstant();
  }

  private static RuntimeException conflictOr(KubernetesClientException e) {
    // The mock server's Status reason is "Invalid" for a stale resourceVersion; the code is what matters.
    return e.getCode() == 409 ? new ConflictException(e.getMessage()) : e;
  }
}
