// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the Service writes of {@link KubernetesServiceStatus} to the informer of {@link KubernetesClusterWatch} in one
 * process, so that neither works from the API server alone:
 * <ul>
 *   <li>a write edits the informer's copy of the Service (no GET before writing a Service we have never written);
 *   <li>what the API server returns from a write is delivered to the watch's listener at once, as the watch event it
 *       will become, instead of after the round trip through the watch and the next debounce — an allocated address
 *       is announced in the pass that wrote it.
 * </ul>
 * A written copy is shown only while the informer still holds the exact version the write was based on: then it is
 * strictly newer than anything the informer has. Once the informer moves on (our echo, or someone else's change) its
 * own copy wins again. Without a running watch both sides behave as before (GET, wait for the echo).
 *
 * <p>Threading: thread-safe; one running subscription at a time.
 */
public final class ServiceCopies {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceCopies.class);
  /** How long a writer waits for its write to reach the listener: the watch's dispatcher is normally idle. */
  static final Duration DELIVERY_WAIT = Duration.ofSeconds(1);

  /** The watch side. */
  interface Source {
    /** The informer's current copy (or a written one newer than it); null when none. */
    Service service(String key);

    /** {@code written} was accepted on top of version {@code baseVersion}: deliver it; completes when delivered. */
    CompletableFuture<Void> written(String key, String baseVersion, Service written);
  }

  private volatile Source source;

  void attach(Source s) {
    source = s;
  }

  void detach(Source s) {
    if (source == s) {
      source = null;
    }
  }

  /** True while a watch runs in this process. */
  boolean attached() {
    return source != null;
  }

  /** The watch's copy of {@code namespace/name}, or null when there is no watch or it has none. */
  Service cached(String key) {
    Source s = source;
    return s == null ? null : s.service(key);
  }

  /** Tells the watch about a write the API server accepted; waits briefly until the listener has it. */
  void written(String key, String baseVersion, Service written) {
    Source s = source;
    if (s == null || baseVersion == null || written == null || written.getMetadata() == null) {
      return;
    }
    try {
      s.written(key, baseVersion, written).get(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.debug("write of {} not delivered within {} ms; the watch delivers it", key, DELIVERY_WAIT.toMillis());
    } catch (ExecutionException e) {
      LOG.debug("delivering the write of {} failed: {}", key, e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
