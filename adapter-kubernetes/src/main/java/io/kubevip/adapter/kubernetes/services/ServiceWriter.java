// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.PortException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modify-write of one Service with optimistic locking: the write carries the resourceVersion of the copy it edited, a
 * 409 (someone wrote in between — kubectl, the cloud-provider, another kube-vip) re-reads and recomputes the edit,
 * so no one's change is lost and no write is made when the fresh object already says what we want.
 *
 * <p>The copy edited is, when there is one, the informer's (with our own accepted writes on top, see
 * {@link ServiceCopies}), else the one the API server returned from our last write or read of that Service: a burst
 * of Services costs one write per change, not a GET before each. A stale copy costs one refused write (409, then GET
 * and retry); an edit that finds nothing to change on a remembered copy is confirmed on a fresh GET, as someone else
 * may have changed the Service since. Each accepted write is handed to {@link ServiceCopies} so the watch's listener
 * has it at once.
 */
final class ServiceWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceWriter.class);
  /** Conflicts clear in one or two rounds; six attempts over at most ~1 s, then the caller's next reconcile retries. */
  static final RetryConfig CONFLICT_RETRY = RetryConfig.custom()
      .maxAttempts(6)
      .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2.0, 0.5,
          Duration.ofMillis(300)))
      .retryOnException(ServiceWriter::isConflict)
      .build();

  /** Which endpoint the edit goes to: the object, or its status subresource. */
  enum Part {
    METADATA,
    STATUS
  }

  private final KubernetesClient client;
  private final Retry retry;
  private final Consumer<ServiceRef> beforeWrite;
  private final ServiceCopies copies;
  /**
   * Last copy seen per namespace/name, most recently used last; bounded so deleted Services age out. With a running
   * watch only fresh reads are kept here, for the retries of one {@link #apply}: the informer holds the rest.
   */
  private final Map<String, Service> known = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Service> eldest) {
      return size() > KNOWN_SIZE;
    }
  };
  static final int KNOWN_SIZE = 8192;
  /** Keys whose copies are known to be older than the API server's (a 409), the informer's included, until a read. */
  private final Set<String> stale = ConcurrentHashMap.newKeySet();

  ServiceWriter(KubernetesClient client, RetryConfig retryConfig, Consumer<ServiceRef> beforeWrite,
      ServiceCopies copies) {
    this.client = client;
    this.copies = copies;
    this.retry = Retry.of("kubevip-service-write", retryConfig);
    this.beforeWrite = beforeWrite;
    retry.getEventPublisher().onRetry(e -> LOG.debug("service write conflict, re-reading (attempt {}): {}",
        e.getNumberOfRetryAttempts(), e.getLastThrowable() == null ? "" : e.getLastThrowable().getMessage()));
  }

  static boolean isConflict(Throwable t) {
    return t instanceof KubernetesClientException k && k.getCode() == 409;
  }

  /**
   * Applies {@code edit} to the live Service; true when something was written, false when the Service is gone (or
   * was re-created under another uid) or already as wanted.
   *
   * @throws PortException naming {@code what} and the Service when the API refuses for another reason
   */
  boolean apply(ServiceRef ref, Part part, String what, Function<Service, Optional<Service>> edit) {
    try {
      return retry.executeSupplier(() -> attempt(ref, part, edit));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        LOG.debug("{} of {}: Service is gone", what, ref);
        return false;
      }
      throw new PortException(what + " of Service " + ref + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
    } finally {
      if (copies.attached()) {
        forget(ref); // the informer's copy is the one to start from next time
      }
    }
  }

  private boolean attempt(ServiceRef ref, Part part, Function<Service, Optional<Service>> edit) {
    Service base = remembered(ref);
    boolean fresh = base == null;
    if (fresh) {
      base = read(ref);
      if (base == null) {
        return false;
      }
    }
    Optional<Service> next = edit.apply(base);
    if (next.isEmpty() && !fresh) {
      base = read(ref);
      if (base == null) {
        return false;
      }
      next = edit.apply(base);
    }
    if (next.isEmpty()) {
      return false;
    }
    beforeWrite.accept(ref);
    String baseVersion = base.getMetadata().getResourceVersion();
    Service written;
    try {
      written = part == Part.METADATA ? client.resource(next.get()).update() : client.resource(next.get()).updateStatus();
    } catch (KubernetesClientException e) {
      forget(ref);
      if (isConflict(e)) {
        stale.add(ref.key());
      }
      throw e;
    }
    if (copies.attached()) {
      copies.written(ref.key(), baseVersion, written); // the informer's side holds it from now on
    } else {
      remember(ref, written);
    }
    return true;
  }

  private Service remembered(ServiceRef ref) {
    Service copy;
    synchronized (known) {
      copy = known.get(ref.key());
    }
    if (copy == null && !stale.contains(ref.key())) {
      copy = copies.cached(ref.key());
    }
    if (copy == null || copy.getMetadata() == null || copy.getMetadata().getResourceVersion() == null) {
      return null;
    }
    String uid = copy.getMetadata().getUid();
    return !ref.uid().isEmpty() && uid != null && !uid.equals(ref.uid()) ? null : copy;
  }

  private void remember(ServiceRef ref, Service copy) {
    if (copy == null) {
      forget(ref);
      return;
    }
    synchronized (known) {
      known.put(ref.key(), copy);
    }
  }

  private void forget(ServiceRef ref) {
    synchronized (known) {
      known.remove(ref.key());
    }
  }

  /** The live Service, or null when it does not exist or is another incarnation than {@code ref.uid()}. */
  Service read(ServiceRef ref) {
    Service live = client.services().inNamespace(ref.namespace()).withName(ref.name()).get();
    stale.remove(ref.key());
    remember(ref, live);
    if (live == null) {
      return null;
    }
    String uid = live.getMetadata().getUid();
    if (!ref.uid().isEmpty() && uid != null && !uid.equals(ref.uid())) {
      LOG.debug("Service {} was re-created (uid {} → {}): not writing for the old one", ref, ref.uid(), uid);
      return null;
    }
    return live;
  }

  /** Calls that needed at least one conflict retry and then succeeded: for tests and metrics. */
  long succeededAfterConflict() {
    return retry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();
  }
}
