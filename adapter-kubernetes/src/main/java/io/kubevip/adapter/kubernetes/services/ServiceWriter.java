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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-modify-write of one Service with optimistic locking: the write carries the resourceVersion that was read, a
 * 409 (someone wrote in between — kubectl, the cloud-provider, another kube-vip) re-reads and recomputes the edit,
 * so no one's change is lost and no write is made when the fresh object already says what we want.
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

  ServiceWriter(KubernetesClient client, RetryConfig retryConfig, Consumer<ServiceRef> beforeWrite) {
    this.client = client;
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
    }
  }

  private boolean attempt(ServiceRef ref, Part part, Function<Service, Optional<Service>> edit) {
    Service live = read(ref);
    if (live == null) {
      return false;
    }
    Optional<Service> next = edit.apply(live);
    if (next.isEmpty()) {
      return false;
    }
    beforeWrite.accept(ref);
    if (part == Part.METADATA) {
      client.resource(next.get()).update();
    } else {
      client.resource(next.get()).updateStatus();
    }
    return true;
  }

  /** The live Service, or null when it does not exist or is another incarnation than {@code ref.uid()}. */
  Service read(ServiceRef ref) {
    Service live = client.services().inNamespace(ref.namespace()).withName(ref.name()).get();
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
