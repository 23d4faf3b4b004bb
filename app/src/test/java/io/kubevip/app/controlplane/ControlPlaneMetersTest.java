// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.lease.LeaseName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** kube_vip_is_leader for elections other than the ARP control plane's (BGP vip_leasename, svc_leasename). */
class ControlPlaneMetersTest {
  static final LeaseName SVC = LeaseName.parse("svc_leasename", "plndr-svcs-lock", "kube-system");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FakeLeaseStore store = new FakeLeaseStore();

  double isLeader(String node) {
    return registry.get("kube_vip_is_leader").tag("node", node).tag("lease_name", "plndr-svcs-lock").gauge().value();
  }

  double transitions() {
    return registry.get("kube_vip_leader_election_transitions").tag("lease_name", "plndr-svcs-lock").counter().count();
  }

  @Test
  void givenMeteredElection_whenLeadershipGainedAndLost_thenGaugeFollowsAndTransitionsCount() {
    LeaderElectionPort a = ControlPlaneMeters.metered(new FakeLeaderElectionPort(store, "node-a"), registry, "node-a");
    RecordingLeadershipCallbacks callbacks = new RecordingLeadershipCallbacks();
    a.run(SVC, callbacks);
    assertThat(isLeader("node-a")).isEqualTo(1.0);
    assertThat(transitions()).isEqualTo(1.0);

    a.release(SVC);
    assertThat(isLeader("node-a")).isZero();
    assertThat(transitions()).isEqualTo(2.0);
  }

  @Test
  void givenTwoNodes_whenOneLeads_thenOnlyItsGaugeIsOne() {
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    ControlPlaneMeters.metered(new FakeLeaderElectionPort(store, "node-a"), registry, "node-a")
        .run(SVC, new RecordingLeadershipCallbacks());
    ControlPlaneMeters.metered(new FakeLeaderElectionPort(store, "node-b"), other, "node-b")
        .run(SVC, new RecordingLeadershipCallbacks());
    assertThat(isLeader("node-a")).isEqualTo(1.0);
    assertThat(other.get("kube_vip_is_leader").tag("node", "node-b").gauge().value()).isZero();

    store.loseLease(SVC);
    assertThat(isLeader("node-a")).isZero();
    assertThat(other.get("kube_vip_is_leader").tag("node", "node-b").gauge().value()).isEqualTo(1.0);
  }
}
