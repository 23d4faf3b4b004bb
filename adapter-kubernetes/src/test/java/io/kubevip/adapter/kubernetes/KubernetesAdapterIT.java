// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.domain.lease.LeaseName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The start-up question "do I still hold the Lease?" against the mock API server. */
@MockKubernetesApi(crud = true)
class KubernetesAdapterIT {
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-cp-lock");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  KubernetesClient client;

  private void lease(String holder, Instant renewed) {
    client.leases().inNamespace("kube-system").resource(new LeaseBuilder()
        .withNewMetadata().withName("plndr-cp-lock").withNamespace("kube-system").endMetadata()
        .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(15)
        .withRenewTime(renewed.atZone(ZoneOffset.UTC)).endSpec().build()).create();
  }

  @Test
  void givenNoLease_whenAsked_thenNotHeld() {
    assertThat(KubernetesAdapter.using(client).holdsValidLease(LEASE, "node-a", CLOCK)).isFalse();
  }

  @Test
  void givenOurFreshLease_whenAsked_thenHeld() {
    lease("node-a", NOW.minusSeconds(5));
    assertThat(KubernetesAdapter.using(client).holdsValidLease(LEASE, "node-a", CLOCK)).isTrue();
    assertThat(KubernetesAdapter.using(client).holdsValidLease(LEASE, "node-b", CLOCK)).isFalse();
  }

  @Test
  void givenOurExpiredLease_whenAsked_thenNotHeld() {
    lease("node-a", NOW.minusSeconds(16));
    assertThat(KubernetesAdapter.using(client).holdsValidLease(LEASE, "node-a", CLOCK)).isFalse();
  }
}
