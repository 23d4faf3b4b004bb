// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.kubevip.domain.lease.LeaseTiming;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a Lease call that failed for a transient reason (no answer, 429, 5xx) a few times within one retry period,
 * so a single dropped request does not cost a whole retry period of takeover time. Conflicts (409) are never
 * retried here: they are the election working, and the elector re-reads instead. The fencing timer does not wait
 * for these retries (it runs on the elector's scheduler), so retrying cannot extend a leader's announcing time.
 */
final class RetryingLeaseStore implements LeaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingLeaseStore.class);
  static final int ATTEMPTS = 3;
  private static final Set<Integer> TRANSIENT = Set.of(0, 408, 429, 500, 502, 503, 504);

  private final LeaseStore delegate;
  private final Retry retry;

  private RetryingLeaseStore(LeaseStore delegate, Duration wait) {
    this.delegate = delegate;
    this.retry = Retry.of("lease", RetryConfig.custom().maxAttempts(ATTEMPTS).waitDuration(wait)
        .retryOnException(RetryingLeaseStore::isTransient).build());
    retry.getEventPublisher().onRetry(e -> LOG.debug("lease call failed transiently, attempt {} of {}: {}",
        e.getNumberOfRetryAttempts(), ATTEMPTS, String.valueOf(e.getLastThrowable())));
  }

  /** Retries spaced so all attempts fit well inside one retry period. */
  static LeaseStore around(LeaseStore delegate, LeaseTiming timing) {
    return new RetryingLeaseStore(delegate, timing.retryPeriod().dividedBy(2L * ATTEMPTS));
  }

  static boolean isTransient(Throwable t) {
    return t instanceof KubernetesClientException k && TRANSIENT.contains(k.getCode());
  }

  @Override
  public Optional<LeaseSnapshot> get() {
    return call(delegate::get);
  }

  @Override
  public LeaseSnapshot create(LeaseSnapshot desired) {
    return call(() -> delegate.create(desired));
  }

  @Override
  public LeaseSnapshot update(LeaseSnapshot desired) {
    return call(() -> delegate.update(desired));
  }

  @Override
  public AutoCloseable watch(Consumer<Optional<LeaseSnapshot>> onChange) {
    return delegate.watch(onChange);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T call(Supplier<T> s) {
    return Retry.decorateSupplier(retry, s).get();
  }
}
