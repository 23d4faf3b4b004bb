// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.testkit.contract.LeaderElectionPortContract;
import java.time.Clock;
import java.time.Duration;

/** The election port's contract on the fabric8 mock API server in CRUD mode (409 on a stale resourceVersion). */
@MockKubernetesApi(crud = true)
class KubernetesLeaderElectionIT extends LeaderElectionPortContract<KubernetesLeaderElection> {
  private static final LeaseTiming TIMING =
      new LeaseTiming(Duration.ofMillis(4500), Duration.ofMillis(3000), Duration.ofMillis(1000));

  KubernetesClient client;

  @Override
  protected KubernetesLeaderElection createPort() {
    return KubernetesLeaderElection.on(client, "node-1", TIMING, Clock.systemUTC());
  }

  @Override
  protected KubernetesLeaderElection createPeer(KubernetesLeaderElection first) {
    return KubernetesLeaderElection.on(client, "node-2", TIMING, Clock.systemUTC());
  }
}
