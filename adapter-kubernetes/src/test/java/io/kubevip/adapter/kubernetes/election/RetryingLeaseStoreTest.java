// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubevip.domain.lease.LeaseTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RetryingLeaseStoreTest {
  private static final LeaseTiming TIMING =
      new LeaseTiming(Duration.ofMillis(600), Duration.ofMillis(300), Duration.ofMillis(60));
  private static final LeaseSnapshot LEASE =
      new LeaseSnapshot(Optional.of("a"), Duration.ofSeconds(1), Instant.EPOCH, Instant.EPOCH, 0, "1");

  /** Fails the first {@code failures} reads with {@code error}. */
  private static final class Flaky implements LeaseStore {
    final AtomicInteger calls = new AtomicInteger();
    final int failures;
    final RuntimeException error;

    Flaky(int failures, RuntimeException error) {
      this.failures = failures;
      this.error = error;
    }

    @Override
    public Optional<LeaseSnapshot> get() {
      if (calls.incrementAndGet() <= failures) {
        throw error;
      }
      return Optional.of(LEASE);
    }

    @Override
    public LeaseSnapshot create(LeaseSnapshot desired) {
      calls.incrementAndGet();
      throw new ConflictException("exists");
    }

    @Override
    public LeaseSnapshot update(LeaseSnapshot desired) {
      return desired;
    }

    @Override
    public AutoCloseable watch(Consumer<Optional<LeaseSnapshot>> onChange) {
      return () -> {};
    }

    @Override
    public void close() {}
  }

  @Test
  void givenTwoServiceUnavailableAnswers_whenRead_thenTheThirdAttemptSucceeds() {
    Flaky flaky = new Flaky(2, new KubernetesClientException("unavailable", 503, null));
    assertThat(RetryingLeaseStore.around(flaky, TIMING).get()).contains(LEASE);
    assertThat(flaky.calls).hasValue(3);
  }

  @Test
  void givenForbidden_whenRead_thenNotRetried() {
    Flaky flaky = new Flaky(5, new KubernetesClientException("forbidden", 403, null));
    assertThatThrownBy(() -> RetryingLeaseStore.around(flaky, TIMING).get()).hasMessageContaining("forbidden");
    assertThat(flaky.calls).hasValue(1);
  }

  @Test
  void givenConflict_whenCreate_thenNotRetried() {
    Flaky flaky = new Flaky(0, null);
    assertThatThrownBy(() -> RetryingLeaseStore.around(flaky, TIMING).create(LEASE))
        .isInstanceOf(LeaseStore.ConflictException.class);
    assertThat(flaky.calls).hasValue(1);
  }

  @Test
  void givenPersistentOutage_whenRead_thenGivesUpAfterThreeAttempts() {
    Flaky flaky = new Flaky(10, new KubernetesClientException("no answer", 0, null));
    assertThatThrownBy(() -> RetryingLeaseStore.around(flaky, TIMING).get()).hasMessageContaining("no answer");
    assertThat(flaky.calls).hasValue(RetryingLeaseStore.ATTEMPTS);
  }
}
